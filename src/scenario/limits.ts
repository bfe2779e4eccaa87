/**
 * Limits against hostile or broken files. Each is far above what a playable scenario needs
 * (a large scenario is ~50 KB, nesting depth ~7, a few thousand values), and low enough that
 * parsing and validating the worst file allowed stays well under a second.
 */

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deepest nesting of lists and mappings accepted. */
export const MAX_DEPTH = 32;
/** Most YAML aliases (`*name`) in one file. */
export const MAX_ALIASES = 100;
/**
 * Expansion budget passed to the yaml package as `maxAliasCount`: it refuses an anchor once
 * (uses + 1) × (aliases nested inside the anchor) passes this, which stops alias bombs
 * (a billion laughs needs nested aliases) while leaving MAX_ALIASES uses of a plain anchor legal.
 */
export const MAX_ALIAS_COUNT = 1000;
/** Most values (scalars, lists, mappings) in one file. */
export const MAX_NODES = 100_000;
/** Most problems reported for one file: past this, the first ones are what the author needs. */
export const MAX_PROBLEMS = 50;
/**
 * Nesting estimate (flow depth + indentation + indicators on a line) at which the pre-scan
 * stops a file before the yaml composer, which recurses and can exhaust memory on deep input.
 * Loose on purpose: the exact check against MAX_DEPTH runs after composing.
 */
export const MAX_DEPTH_ESTIMATE = 256;
