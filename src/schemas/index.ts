export { lessonFields, type LessonFields } from './lesson';
export { knowledgeCheck, type KnowledgeCheck } from './check';
export { scenario, scenarioObjective, type Scenario } from './scenario';
