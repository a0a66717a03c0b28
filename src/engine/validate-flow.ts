import { DYNAMIC_LIMITS, LONGEST_DYNAMIC_ID } from './booking';
import type { Conversation } from './conversation-types';
import type { Flow, FlowNode } from './flow-types';
import { encodePostback } from './postback';
import { findFlow, splitTarget } from './step';

const MAX_QUICK_REPLIES = 13;
const MAX_LABEL = 20;
const MAX_POSTBACK = 300;
const PLACEHOLDER = /\{([a-zA-Z.]+)\}/g;

export interface ValidationOptions {
  /** Placeholders the renderer can fill ({council.name} …). */
  placeholders: readonly string[];
  /** How many area choices a `choicesFromAreas` node adds (from the council profile). */
  areaCount: number;
}

/** Every problem found in the conversation's flows; empty when it is sound. */
export function validateConversation(conversation: Conversation, options: ValidationOptions): string[] {
  const problems: string[] = [];
  const current = new Map<string, Flow>();
  for (const f of conversation.flows) if (findFlow(conversation, f.id) === f) current.set(f.id, f);

  const resolve = (target: string, from: Flow, where: string): string | undefined => {
    const [flowId, nodeId] = splitTarget(target, from.id);
    const flow = flowId === from.id ? from : current.get(flowId);
    if (!flow?.nodes[nodeId]) {
      problems.push(`${where}: target "${target}" does not exist`);
      return undefined;
    }
    return `${flow.id}@${flow.version}:${nodeId}`;
  };

  const edges = new Map<string, string[]>();
  for (const flow of conversation.flows) {
    if (!flow.nodes[flow.start]) problems.push(`${flow.id}@${flow.version}: start "${flow.start}" does not exist`);
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      const where = `${flow.id}@${flow.version}:${nodeId}`;
      const out = targetsOf(node).map((t) => resolve(t, flow, where)).filter((t): t is string => t !== undefined);
      edges.set(where, out);
      problems.push(...checkNode(node, where, options));
    }
  }
  const roots = [
    ...conversation.flows.map((f) => `${f.id}@${f.version}:${f.start}`),
    ...Object.entries(conversation.entries).map(([k, t]) => resolve(t, firstFlow(conversation), `entries.${k}`)),
    ...Object.entries(conversation.categories).map(([k, t]) => resolve(t, firstFlow(conversation), `categories.${k}`)),
  ].filter((t): t is string => t !== undefined);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...(edges.get(key) ?? []));
  }
  for (const key of edges.keys()) if (!seen.has(key)) problems.push(`${key}: not reachable`);
  problems.push(...nextCycles(conversation, current));
  for (const c of conversation.crisis.choices) if ([...c.label].length > MAX_LABEL) problems.push(`crisis choice "${c.label}": label over ${MAX_LABEL}`);
  for (const c of conversation.distress.choices) if ([...c.label].length > MAX_LABEL) problems.push(`distress choice "${c.label}": label over ${MAX_LABEL}`);
  if (!(conversation.distress.quietHours > 0)) problems.push('distress.quietHours must be above 0');
  return problems;
}

const firstFlow = (c: Conversation) => c.flows[0]!;

function targetsOf(node: FlowNode): string[] {
  const targets: string[] = [];
  for (const c of node.choices ?? []) if ('next' in c) targets.push(c.next);
  if (node.choicesFromAreas) targets.push(node.choicesFromAreas.next);
  if (node.onText && node.onText !== 'classify') targets.push('note' in node.onText ? node.onText.note : node.onText.topic);
  if (node.choicesFrom) targets.push(node.choicesFrom.next, ...(node.choicesFrom.gone ? [node.choicesFrom.gone] : []));
  for (const d of node.divert ?? []) targets.push(d.to);
  if (node.fallback) targets.push(node.fallback);
  if (node.next) targets.push(node.next);
  return targets;
}

function checkNode(node: FlowNode, where: string, options: ValidationOptions): string[] {
  const problems: string[] = [];
  const choices = node.choices ?? [];
  const asks = choices.length > 0 || node.choicesFromAreas !== undefined || node.choicesFrom !== undefined || node.onText !== undefined;
  if (asks && !node.fallback) problems.push(`${where}: asks a question but has no fallback`);
  if (asks && node.next) problems.push(`${where}: has both choices and next`);
  const count =
    choices.length + (node.choicesFromAreas ? options.areaCount : 0) + (node.choicesFrom ? DYNAMIC_LIMITS[node.choicesFrom.source] : 0);
  if (node.choicesFrom) {
    const longest = encodePostback({ kind: 'choice', flowId: where, version: 9999, nodeId: where, revision: 999_999_999, choiceId: LONGEST_DYNAMIC_ID });
    if (longest.length > MAX_POSTBACK) problems.push(`${where}: postback data for its dynamic choices may exceed ${MAX_POSTBACK}`);
  }
  if (count > MAX_QUICK_REPLIES) problems.push(`${where}: ${count} choices, LINE allows ${MAX_QUICK_REPLIES}`);
  const ids = new Set<string>();
  for (const c of choices) {
    if (ids.has(c.id)) problems.push(`${where}: choice id "${c.id}" twice`);
    ids.add(c.id);
    if ([...c.label].length > MAX_LABEL) problems.push(`${where}: label "${c.label}" is over ${MAX_LABEL} characters`);
    const longest = encodePostback({ kind: 'choice', flowId: where, version: 9999, nodeId: where, revision: 999_999_999, choiceId: c.id });
    if (longest.length > MAX_POSTBACK) problems.push(`${where}: postback data for "${c.id}" may exceed ${MAX_POSTBACK}`);
  }
  for (const say of node.say) {
    if (say.type !== 'text') continue;
    for (const [, name] of say.text.matchAll(PLACEHOLDER)) {
      if (!options.placeholders.includes(name!)) problems.push(`${where}: unknown placeholder {${name}}`);
    }
  }
  return problems;
}

function nextCycles(conversation: Conversation, current: Map<string, Flow>): string[] {
  const problems: string[] = [];
  for (const flow of conversation.flows) {
    for (const start of Object.keys(flow.nodes)) {
      let [f, n]: [Flow | undefined, string] = [flow, start];
      const visited = new Set<string>();
      while (f?.nodes[n]?.next) {
        const key = `${f.id}:${n}`;
        if (visited.has(key)) {
          problems.push(`${flow.id}@${flow.version}:${start}: "next" goes round in a circle`);
          break;
        }
        visited.add(key);
        const [fid, nid] = splitTarget(f.nodes[n]!.next!, f.id);
        [f, n] = [fid === f.id ? f : current.get(fid), nid];
      }
    }
  }
  return problems;
}
