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
  return (
    <svg
      className="policy-diagram"
      role="img"
      aria-label={t('workflow.diagram')}
      data-testid="policy-workflow-diagram"
      width={width}
      height={height + 30}
      viewBox={`0 -30 ${width} ${height + 30}`}
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
      {edges.map((edge) => {
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
        return (
          <g
            key={edge.id}
            className="policy-edge"
            data-testid={`policy-wf-edge-${edge.id}`}
            data-transitions={edge.transitions.join(' ')}
          >
            <title>{edge.label}</title>
            <path d={d} markerEnd="url(#policy-arrow)" />
            {showLabel && (
              <text x={lx} y={ly} textAnchor="middle">
                {edge.label}
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
            <title>{node.id}</title>
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
              {state.terminal ? t(`workflow.terminal.${state.terminal}`) : node.id}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
