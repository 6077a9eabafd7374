/**
 * Marks a file as SC-200 Lab learner data. Kept apart from the export schema so that pages which only record
 * answers do not load zod (the schema is imported only when a file is imported).
 */
export const LEARNER_EXPORT_FORMAT = 'sc200-learner-data';
