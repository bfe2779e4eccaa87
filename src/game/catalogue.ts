import { isScenarioFileName, loadCollection, type LoadedCollection } from '../scenario';

/**
 * Every scenario and campaign file in `scenarios/`, bundled as text and loaded with the same
 * loader the CLI uses. Files with problems are left out of play and listed for the author.
 */
const files = import.meta.glob<string>(['/scenarios/*.{yaml,yml,json}', '!/scenarios/schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

let loaded: LoadedCollection | null = null;

export function loadCatalogue(): LoadedCollection {
  return (loaded ??= loadCollection(
    Object.entries(files)
      .filter(([path]) => isScenarioFileName(path))
      .map(([path, text]) => ({ fileName: path.replace(/^\//, ''), source: text })),
  ));
}
