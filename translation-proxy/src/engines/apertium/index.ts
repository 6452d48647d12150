/** The embedded Apertium engine's public API. */
export {
  chainStages,
  createApertiumEngine,
  PARLEY_MODES_DIR,
  APERTIUM_ENGINE_ID,
} from './engine.js';
export type { ApertiumEngine, ApertiumEngineOptions } from './engine.js';
export { discoverApertiumPairs, modeToPair } from './modes.js';
export type { ApertiumMode } from './modes.js';
export { ApertiumPipeline } from './pipeline.js';
export type { ApertiumPipelineOptions } from './pipeline.js';
export { readModeStages } from './mode-file.js';
export type { PipelineStage } from './mode-file.js';
export { toApertiumStream, fromApertiumStream, normaliseSpacing } from './stream-format.js';
