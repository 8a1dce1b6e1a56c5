/**
 * The workflow diagram's layout: states in columns by their distance (in transitions) from the
 * initial state, rows in order within a column; unreachable states in a last column.
 */
import type { Policy } from '../../api/types.ts';

type Workflow = Policy['workflow'];

export type NodeBox = { id: string; x: number; y: number; column: number; row: number };
export type Edge = {
  id: string;
  from: string;
  to: string;
  label: string;
  self: boolean;
  /** The ids of the transitions the edge stands for. */
  transitions: string[];
};

export const BOX = { width: 150, height: 46, gapX: 90, gapY: 40, margin: 20 };

/** Distance of every state from the initial one (breadth-first); unreachable states are absent. */
export function distances(workflow: Workflow): Map<string, number> {
  const distance = new Map<string, number>([[workflow.initial, 0]]);
  const queue = [workflow.initial];
  while (queue.length) {
    const state = queue.shift()!;
    for (const transition of workflow.transitions) {
      if (!transition.to || !transition.from.includes(state) || distance.has(transition.to))
        continue;
      if (!(transition.to in workflow.states)) continue;
      distance.set(transition.to, distance.get(state)! + 1);
      queue.push(transition.to);
    }
  }
  return distance;
}

/** Boxes for every state and the size of the drawing. */
export function layoutStates(workflow: Workflow): {
  nodes: NodeBox[];
  width: number;
  height: number;
} {
  const distance = distances(workflow);
  const last = Math.max(0, ...distance.values()) + 1;
  const columns = new Map<number, string[]>();
  for (const id of Object.keys(workflow.states)) {
    const column = distance.get(id) ?? last;
    columns.set(column, [...(columns.get(column) ?? []), id]);
  }
  const nodes: NodeBox[] = [];
  let rows = 0;
  [...columns.keys()]
    .sort((a, b) => a - b)
    .forEach((column, c) => {
      const ids = columns.get(column)!;
      rows = Math.max(rows, ids.length);
      ids.forEach((id, row) =>
        nodes.push({
          id,
          column: c,
          row,
          x: BOX.margin + c * (BOX.width + BOX.gapX),
          y: BOX.margin + row * (BOX.height + BOX.gapY),
        }),
      );
    });
  const width = BOX.margin * 2 + columns.size * (BOX.width + BOX.gapX) - BOX.gapX;
  const height = BOX.margin * 2 + rows * (BOX.height + BOX.gapY) - BOX.gapY + 20;
  return { nodes, width: Math.max(width, 200), height: Math.max(height, 100) };
}

/**
 * One edge per pair of states, labelled with every transition between them (a transition without
 * `to` loops on its source), so parallel actions do not draw over each other.
 */
export function edgesOf(
  workflow: Workflow,
  label: (t: Workflow['transitions'][number]) => string,
): Edge[] {
  const edges = new Map<string, Edge & { labels: string[] }>();
  for (const transition of workflow.transitions) {
    for (const from of transition.from.filter((id) => id in workflow.states)) {
      const to = transition.to && transition.to in workflow.states ? transition.to : from;
      const key = `${from}>${to}`;
      const edge = edges.get(key) ?? {
        id: key,
        from,
        to,
        label: '',
        self: to === from,
        transitions: [] as string[],
        labels: [] as string[],
      };
      edge.transitions.push(transition.id);
      if (!edge.labels.includes(label(transition))) edge.labels.push(label(transition));
      edges.set(key, edge);
    }
  }
  return [...edges.values()].map(({ labels, ...edge }) => ({ ...edge, label: labels.join('、') }));
}
