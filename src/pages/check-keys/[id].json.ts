/**
 * One answer sheet per knowledge check (/check-keys/<id>.json): the key and the explanations, kept out of the
 * pages so that they are not in the HTML before the learner answers. See components/checks/answerSheet.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { answerSheetOf } from '../../components/checks/answerSheet';
import type { KnowledgeCheck } from '../../schemas/check';

export const getStaticPaths = (async () =>
  (await getCollection('checks')).map((entry) => ({
    params: { id: entry.data.id },
    props: { check: entry.data },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ check: KnowledgeCheck }> = ({ props }) =>
  new Response(JSON.stringify(answerSheetOf(props.check)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
