/** The analyze stage's entry points: texts, files and folders (pipeline.ts), paths and runs of paths (paths.ts). */
export type { AnalyzeOptions } from './options.js';
export { analyzeText, analyzeFile, analyzeFolder } from './pipeline.js';
export { analyzePath, analyzePaths, sameTextRun } from './paths.js';
