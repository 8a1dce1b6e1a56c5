/**
 * The words of an outgoing notification (e-mail subject and body, robot and webhook text), in
 * Chinese then English in one message: a group chat or mailbox may hold readers of either.
 */
import type { NotificationKind } from '../domain/case/raised-notifications.ts';
import type { Label } from '../domain/policy/format.ts';

const KINDS: Record<NotificationKind, { 'zh-CN': string; en: string }> = {
  notify: { 'zh-CN': '通知', en: 'Notice' },
  remind: { 'zh-CN': '催办', en: 'Reminder' },
  warning: { 'zh-CN': '时限预警', en: 'Deadline warning' },
  escalation: { 'zh-CN': '超时升级', en: 'Overdue escalation' },
};

/** What a notification says: its title and its text (the message, the reason, the link). */
export function deliveryWords(input: {
  kind: NotificationKind;
  caseNumber: string;
  message?: Label;
  reason: string;
  link?: string;
}): { title: string; text: string } {
  const kind = KINDS[input.kind];
  const title = `【${kind['zh-CN']}】案件 ${input.caseNumber} / ${kind.en}: case ${input.caseNumber}`;
  const { message: label } = input;
  const message = label ? [label['zh-CN'], ...(label.en ? [label.en] : [])] : [];
  const lines = [
    title,
    ...message,
    `原因 / Reason: ${input.reason}`,
    ...(input.link ? [`查看 / Open: ${input.link}`] : []),
  ];
  return { title, text: lines.join('\n') };
}
