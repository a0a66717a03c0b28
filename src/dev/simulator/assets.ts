import { readFile } from 'node:fs/promises';

// Kept as real .js/.css files (not strings in TS) so they are easy to read and edit; the simulator
// only runs in local mode under Node, so reading them from disk is fine.
const ASSETS = {
  'app.js': 'text/javascript',
  'app.css': 'text/css',
  'actions.js': 'text/javascript',
  'api.js': 'text/javascript',
  'conversation.js': 'text/javascript',
  'dom.js': 'text/javascript',
  'flex.js': 'text/javascript',
  'messages.js': 'text/javascript',
  'picker.js': 'text/javascript',
  'residents.js': 'text/javascript',
  'template.js': 'text/javascript',
  'time.js': 'text/javascript',
  'timeline.js': 'text/javascript',
} as const;

export type AssetName = keyof typeof ASSETS;

export const isAssetName = (name: string): name is AssetName => Object.hasOwn(ASSETS, name);

export const assetType = (name: AssetName) => `${ASSETS[name]}; charset=utf-8`;

const cache = new Map<AssetName, Promise<string>>();

export function loadAsset(name: AssetName): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = readFile(new URL(`./assets/${name}`, import.meta.url), 'utf8');
    cache.set(name, text);
    text.catch(() => cache.delete(name));
  }
  return text;
}
