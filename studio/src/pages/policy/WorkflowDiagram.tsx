/** The workflow drawn as SVG: states as boxes by distance from the initial state, transitions as labelled arrows. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { BOX, edgesOf, layoutStates, type NodeBox } from './workflow-layout.ts';

type Workflow = Policy['workflow'];

function edgePath(from: NodeBox, to: NodeBox, self: boolean, bend: number) {
  if (self) {
    const x = from.x + BOX.width - 24;
    const y = from.y;
    const d = `M ${x} ${y} C ${x} ${y - 30}, ${x + 34} ${y - 30}, ${x + 22} ${y}`;
    return { d, lx: x + 12, ly: y - 26 };
  }
  let x1: number, y1: number, x2: number, y2: number, mx: number, my: number;
  if (to.x === from.x) {
    const down = to.y > from.y;
    x1 = x2 = from.x + BOX.width / 2;
    y1 = down ? from.y + BOX.height : from.y;
    y2 = down ? to.y : to.y + BOX.height;
    mx = x1 + 50 + bend;
    my = (y1 + y2) / 2;
  } else {
    const forward = to.x > from.x;
    x1 = forward ? from.x + BOX.width : from.x;
    x2 = forward ? to.x : to.x + BOX.width;
    y1 = from.y + BOX.height / 2;
    y2 = to.y + BOX.height / 2;
    mx = (x1 + x2) / 2;
    my = (y1 + y2) / 2 + (forward ? bend : -30 - bend);
  }
  return {
    d: `M ${x1} ${y1} Q ${mx} ${my} ${x2} ${y2}`,
    lx: (x1 + 2 * mx + x2) / 4,
    ly: (y1 + 2 * my + y2) / 4 - 3,
  };
}

/** How wide a label is drawn at 12px: a Chinese character about 12px, anything else about 7px. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 12 : 7;
  return width;
}

/** The numbers of a path's points ("M x y Q cx cy x y") as [x, y] pairs. */
function pathPoints(d: string): [number, number][] {
  const numbers = d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
  return points;
}

type Drawn = { d: string; lx: number; ly: number; label: string | null };

/** The box that holds the states and every arrow and label, with a margin: nothing is clipped. */
function bounds(width: number, height: number, drawn: Drawn[]) {
  let [minX, minY, maxX, maxY] = [0, -30, width, height];
  for (const { d, lx, ly, label } of drawn) {
    for (const [x, y] of pathPoints(d)) {
      [minX, maxX] = [Math.min(minX, x - 10), Math.max(maxX, x + 10)];
      [minY, maxY] = [Math.min(minY, y - 10), Math.max(maxY, y + 10)];
    }
    if (label) {
      const half = labelWidth(label) / 2 + 6;
      [minX, maxX] = [Math.min(minX, lx - half), Math.max(maxX, lx + half)];
      [minY, maxY] = [Math.min(minY, ly - 16), Math.max(maxY, ly + 6)];
    }
  }
  return {
    x: Math.floor(minX),
    y: Math.floor(minY),
    w: Math.ceil(maxX - minX),
    h: Math.ceil(maxY - minY),
  };
}

export function WorkflowDiagram({ workflow }: { workflow: Workflow }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const { nodes, width, height } = layoutStates(workflow);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = edgesOf(workflow, (tr) => labelText(tr.label, lang));
  const seen = new Map<string, number>();
  // A label already drawn on an arrow into the same state (e.g. "close abnormally" from every
  // open state) is not repeated: the arrows say enough and the labels would pile up.
  const labelled = new Set<string>();
  const drawn = edges.map((edge) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) return null;
    const pair = [edge.from, edge.to].sort().join('>');
    const n = seen.get(pair) ?? 0;
    seen.set(pair, n + 1);
    const { d, lx, ly } = edgePath(from, to, edge.self, n * 16);
    const labelKey = `${edge.label}>${edge.to}`;
    const showLabel = edge.self || !labelled.has(labelKey);
    labelled.add(labelKey);
    return { edge, d, lx, ly, label: showLabel ? edge.label : null };
  });
  const box = bounds(
    width,
    height,
    drawn.filter((x) => x !== null),
  );
  return (
    <svg
      className="policy-diagram"
      role="img"
      aria-label={t('workflow.diagram')}
      data-testid="policy-workflow-diagram"
      width={box.w}
      height={box.h}
      viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
    >
      <defs>
        <marker
          id="policy-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="policy-arrowhead" />
        </marker>
      </defs>
      {drawn.map((item) => {
        if (!item) return null;
        const { edge, d, lx, ly, label } = item;
        return (
          <g
            key={edge.id}
            className="policy-edge"
            data-testid={`policy-wf-edge-${edge.id}`}
            data-transitions={edge.transitions.join(' ')}
          >
            <title>{edge.label}</title>
            <path d={d} markerEnd="url(#policy-arrow)" />
            {label !== null && (
              <text x={lx} y={ly} textAnchor="middle">
                {label}
              </text>
            )}
          </g>
        );
      })}
      {nodes.map((node) => {
        const state = workflow.states[node.id]!;
        const kind =
          node.id === workflow.initial ? 'initial' : state.terminal ? 'terminal' : 'normal';
        return (
          <g
            key={node.id}
            className={`policy-node ${kind}`}
            data-testid={`policy-wf-state-${node.id}`}
          >
            <title>{labelText(state.label, lang) || node.id}</title>
            <rect x={node.x} y={node.y} width={BOX.width} height={BOX.height} rx={8} />
            <text x={node.x + BOX.width / 2} y={node.y + 20} textAnchor="middle">
              {labelText(state.label, lang)}
            </text>
            <text
              x={node.x + BOX.width / 2}
              y={node.y + 36}
              textAnchor="middle"
              className="policy-node-sub"
            >
              {state.terminal ? t(`workflow.terminal.${state.terminal}`) : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
