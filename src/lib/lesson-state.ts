/** Where a learner stands with one lesson, in the words the pages show. */
export type LessonState = 'not started' | 'in progress' | 'complete';
