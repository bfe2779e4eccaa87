import type { ItemTruth } from '../engine/model/scenario';
import { quote } from './describe';
import type { PathSegment } from './problem';
import type { Finding } from './semantic';

/** An item as the dependency check sees it: its id, its truth and where it sits in the file. */
export interface DependencyNode {
  id: string;
  truth: ItemTruth;
  path: PathSegment[];
}

/** Dependencies must name items, and must not loop: an item in a loop could never be Done. */
export function checkDependencies(items: readonly DependencyNode[]): Finding[] {
  const out: Finding[] = [];
  const ids = new Set(items.map((x) => x.id));
  const known = `one of ${[...ids].slice(0, 10).map((x) => quote(x)).join(', ')}`;
  const deps = new Map(items.map((x) => [x.id, x.truth.dependsOn ?? []]));
  for (const item of items) {
    (item.truth.dependsOn ?? []).forEach((dep, d) => {
      const path = [...item.path, 'truth', 'dependsOn', d];
      if (dep === item.id) out.push({ path, message: `expected the id of another item, found ${quote(dep)}, the item itself: it could never be Done` });
      else if (!ids.has(dep)) out.push({ path, message: `expected the id of an item (${known}), found ${quote(dep)}` });
    });
  }
  // Iterative depth-first search; 'open' marks the current path, so meeting it again is a loop.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of items) {
    if (state.has(start.id)) continue;
    const stack: { id: string; next: number }[] = [{ id: start.id, next: 0 }];
    state.set(start.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const list = deps.get(top.id) ?? [];
      if (top.next >= list.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const dep = list[top.next++] as string;
      if (dep === top.id || !ids.has(dep)) continue; // reported above
      if (state.get(dep) === 'open') {
        const where = items.find((x) => x.id === top.id);
        const loop = [...stack.slice(stack.findIndex((f) => f.id === dep)).map((f) => f.id), dep].join(' → ');
        if (where) out.push({ path: [...where.path, 'truth', 'dependsOn', top.next - 1], message: `expected dependencies without a loop, found ${loop}: these items could never be Done` });
        return out;
      }
      if (!state.has(dep)) {
        state.set(dep, 'open');
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  return out;
}
