/**
 * The operator tables: which module translates each Kusto.Language operator node, and which runs each plan
 * operation. Adding an operator is a module with `translate` and `execute` and one line in each table.
 */
import * as as from './as';
import * as topHitters from './topHitters';
import * as severalResults from './severalResults';
import * as macroExpand from './macroExpand';
import * as sampleDistinct from './sampleDistinct';
import * as find from './find';
import * as consume from './consume';
import * as assertSchema from './assertSchema';
import * as columnNamesOf from './columnNamesOf';
import * as count from './count';
import * as datatable from './datatable';
import * as distinct from './distinct';
import * as evaluate from './evaluate';
import * as extend from './extend';
import * as getschema from './getschema';
import * as graph from './graph';
import * as invoke from './invoke';
import * as join from './join';
import * as lookup from './lookup';
import * as makeSeries from './makeSeries';
import * as mvApply from './mvApply';
import * as mvExpand from './mvExpand';
import type { OperatorExecutors, OperatorTranslator } from './operator';
import * as parse from './parse';
import * as parseKv from './parseKv';
import * as partition from './partition';
import * as print from './print';
import * as project from './project';
import * as projectByNames from './projectByNames';
import * as projectSelect from './projectSelect';
import * as range from './range';
import * as reduce from './reduce';
import * as render from './render';
import * as sample from './sample';
import * as scan from './scan';
import * as search from './search';
import * as serialize from './serialize';
import * as sort from './sort';
import * as summarize from './summarize';
import * as bagUnpack from './bagUnpack';
import * as tableReference from './tableReference';
import * as take from './take';
import * as topNested from './topNested';
import * as union from './union';
import * as where from './where';

/** Kusto.Language operator node kinds (`FilterOperator`...) to their translation. */
export const OPERATOR_TRANSLATORS: Readonly<Record<string, OperatorTranslator>> = {
  FilterOperator: where.translate,
  ExtendOperator: extend.translate,
  ProjectOperator: project.translate,
  ProjectAwayOperator: projectSelect.translateKeep,
  ProjectKeepOperator: projectSelect.translateKeep,
  ProjectReorderOperator: projectSelect.translateKeep,
  ProjectRenameOperator: projectSelect.translateRename,
  ProjectByNamesOperator: projectByNames.translate,
  SummarizeOperator: summarize.translate,
  CountOperator: count.translate,
  DistinctOperator: distinct.translate,
  TakeOperator: take.translate,
  SortOperator: sort.translateSort,
  TopOperator: sort.translateTop,
  JoinOperator: join.translate,
  LookupOperator: lookup.translate,
  UnionOperator: union.translate,
  MvExpandOperator: mvExpand.translate,
  MvApplyOperator: mvApply.translate,
  ParseOperator: parse.translate,
  ParseWhereOperator: parse.translateWhere,
  ParseKvOperator: parseKv.translate,
  MakeSeriesOperator: makeSeries.translate,
  RenderOperator: render.translate,
  SerializeOperator: serialize.translate,
  GetSchemaOperator: getschema.translate,
  AsOperator: as.translate,
  InvokeOperator: invoke.translate,
  SampleOperator: sample.translate,
  EvaluateOperator: evaluate.translate,
  TopNestedOperator: topNested.translate,
  SearchOperator: search.translate,
  // Caching changes no result.
  ExecuteAndCacheOperator: (site) => site.need(),
  PartitionOperator: partition.translate,
  ScanOperator: scan.translate,
  ReduceByOperator: reduce.translate,
  MakeGraphOperator: graph.translate,
  GraphMarkComponentsOperator: graph.translate,
  GraphMatchOperator: graph.translate,
  GraphShortestPathsOperator: graph.translate,
  GraphToTableOperator: graph.translate,
  PrintOperator: print.translate,
  RangeOperator: range.translate,
  DataTableExpression: datatable.translate,
  FindOperator: find.translate,
  ConsumeOperator: consume.translate,
  SampleDistinctOperator: sampleDistinct.translate,
  TopHittersOperator: topHitters.translate,
  AssertSchemaOperator: assertSchema.translate,
  ForkOperator: severalResults.translateFork,
  FacetOperator: severalResults.translateFacet,
  MacroExpandOperator: macroExpand.translate,
};

/** Plan operations to the function that runs them. */
export const OPERATOR_EXECUTORS: OperatorExecutors = {
  table: tableReference.execute,
  passthrough: tableReference.executePassthrough,
  shared: as.executeShared,
  datatable: datatable.execute,
  print: print.execute,
  range: range.execute,
  where: where.execute,
  extend: extend.execute,
  serialize: serialize.execute,
  project: project.execute,
  select: projectSelect.execute,
  projectbynames: projectByNames.execute,
  columnnames: columnNamesOf.execute,
  summarize: summarize.execute,
  distinct: distinct.execute,
  take: take.execute,
  sort: sort.executeSort,
  top: sort.executeTop,
  join: join.execute,
  union: union.execute,
  mvexpand: mvExpand.execute,
  mvapply: mvApply.execute,
  parse: parse.execute,
  parsekv: parseKv.execute,
  makeseries: makeSeries.execute,
  render: render.execute,
  getschema: getschema.execute,
  sample: sample.execute,
  bagunpack: bagUnpack.execute,
  topnested: topNested.execute,
  search: search.execute,
  graph: graph.execute,
  scan: scan.execute,
  partition: partition.execute,
  reduce: reduce.execute,
  plugin: evaluate.execute,
  results: severalResults.execute,
};
