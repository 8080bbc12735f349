import type { Locale } from './errors';
import { fillPlaceholders } from './placeholders';

/** What one notification says in one language. */
type NotificationText = { title: string; body: string };
type NotificationTemplates = Record<string, Record<Locale, NotificationText>>;

/**
 * What each notification event says, in both UI languages: a title and a one-line body with `{param}`
 * placeholders filled from the message's params. The inbox renders them in the reader's language; SMS, email
 * and group robots in the recipient's (robots: Chinese).
 */
export const NOTIFICATION_TEMPLATES = {
  'work_order.assigned': {
    'zh-CN': { title: '新工单待处理', body: '工单 {number}（{title}）已派到{unit}，请在 {due} 前接单。' },
    en: {
      title: 'New work order for you',
      body: 'Work order {number} ({title}) was assigned to {unit}; accept it by {due}.',
    },
  },
  'work_order.returned': {
    'zh-CN': { title: '工单被退回', body: '工单 {number}（{title}）被退回：{reason}' },
    en: { title: 'Work order returned', body: 'Work order {number} ({title}) was returned: {reason}' },
  },
  'work_order.due_soon': {
    'zh-CN': { title: '工单即将到期', body: '工单 {number}（{title}）将于 {due} 到期，请尽快办结。' },
    en: { title: 'Work order due soon', body: 'Work order {number} ({title}) is due at {due}.' },
  },
  'work_order.overdue': {
    'zh-CN': { title: '工单已超期', body: '工单 {number}（{title}）已超过办结时限（{due}）。' },
    en: { title: 'Work order overdue', body: 'Work order {number} ({title}) passed its time limit ({due}).' },
  },
  'service_order.accepted': {
    'zh-CN': { title: '服务订单已接单', body: '您的服务订单 {number}（{service}）已由{volunteer}接单。' },
    en: {
      title: 'Service order accepted',
      body: 'Your service order {number} ({service}) was accepted by {volunteer}.',
    },
  },
  'service_order.completed': {
    'zh-CN': { title: '服务已完成', body: '您的服务订单 {number}（{service}）已完成服务，请确认并评价。' },
    en: {
      title: 'Service completed',
      body: 'Your service order {number} ({service}) is done; please confirm and rate it.',
    },
  },
  'notifications.test': {
    'zh-CN': { title: '测试消息', body: '这是邻里平台发给{unit}的测试消息，收到即表示机器人配置正确。' },
    en: {
      title: 'Test message',
      body: 'A test message from Linli for {unit}: the robot is set up correctly.',
    },
  },
  'scheduled_report.opened': {
    'zh-CN': { title: '新的报送任务', body: '{title}（{period}）已开始报送，请于 {due} 前报送{receiver}。' },
    en: {
      title: 'New report to submit',
      body: '{title} ({period}) is open; submit it to {receiver} by {due}.',
    },
  },
  'scheduled_report.due_soon': {
    'zh-CN': { title: '报告即将到期', body: '{title}（{period}）须于 {due} 前报送，{unit}尚未报送。' },
    en: {
      title: 'Report due soon',
      body: '{title} ({period}) is due by {due}; {unit} has not submitted it yet.',
    },
  },
  'scheduled_report.overdue': {
    'zh-CN': { title: '报告逾期未报', body: '{title}（{period}）已过报送期限（{due}），{unit}尚未报送。' },
    en: {
      title: 'Report overdue',
      body: '{title} ({period}) passed its due date ({due}); {unit} has not submitted it.',
    },
  },
  'scheduled_report.returned': {
    'zh-CN': { title: '报告被退回', body: '{unit}报送的{title}（{period}）被退回：{reason}' },
    en: { title: 'Report returned', body: '{title} ({period}) from {unit} was returned: {reason}' },
  },
  'scheduled_report.submitted': {
    'zh-CN': { title: '收到报告待审核', body: '{unit}已报送{title}（{period}），请审核。' },
    en: { title: 'Report to review', body: '{unit} submitted {title} ({period}); please review it.' },
  },
  'participation.disclosure_due': {
    'zh-CN': { title: '居务公开提醒', body: '{unit}{period}的“{kind}”应于{dueOn}前公开，{when}。' },
    en: { title: 'Disclosure reminder', body: '{unit}: “{kind}” for {period} is due by {dueOn}; {when}.' },
  },
  'participation.meeting_scheduled': {
    'zh-CN': {
      title: '会议邀请',
      body: '{unit}将于{when}在{place}召开“{title}”。打开会议页面可点击“加入日历”下载日历邀请。',
    },
    en: {
      title: 'Meeting invitation',
      body: '{unit} holds “{title}” at {when}, {place}. Open the meeting page and use “Add to calendar” for the invitation.',
    },
  },
  'participation.topic_step': {
    'zh-CN': { title: '关注的议题有新进展', body: '议题“{title}”已进入“{step}”环节，点开查看记录。' },
    en: {
      title: 'A topic you follow moved on',
      body: 'Topic “{title}”: {stepEn}. Open it to see the record.',
    },
  },
  'projects.result': {
    'zh-CN': { title: '项目评选结果', body: '{unit}申报的“{title}”在{call}中{result}。' },
    en: { title: 'Project selection result', body: '“{title}” from {unit} in {call}: {resultEn}.' },
  },
  'projects.report_overdue': {
    'zh-CN': {
      title: '月度进展逾期未报',
      body: '{unit}“{title}”{month}月度进展报告应于{due}前报送，已逾期。',
    },
    en: {
      title: 'Monthly report overdue',
      body: 'The {month} progress report of “{title}” ({unit}) was due before {due} and is overdue.',
    },
  },
  'projects.report_due': {
    'zh-CN': { title: '月度进展报告提醒', body: '{unit}“{title}”{month}月度进展报告请于{due}前报送。' },
    en: {
      title: 'Monthly report due',
      body: 'The {month} progress report of “{title}” ({unit}) is due before {due}.',
    },
  },
  'projects.notice': {
    'zh-CN': { title: '项目进展通报', body: '{call}：{unit}“{title}”进展缓慢，予以通报：{comment}' },
    en: {
      title: 'Project progress notice',
      body: '{call}: “{title}” ({unit}) is progressing slowly: {comment}',
    },
  },
  'projects.phase_due': {
    'zh-CN': { title: '项目节点提醒', body: '{unit}“{title}”的{phase}应于{due}前完成。' },
    en: { title: 'Project deadline ahead', body: 'The {phaseEn} of “{title}” ({unit}) is due by {due}.' },
  },
  'projects.phase_overdue': {
    'zh-CN': { title: '项目节点逾期', body: '{unit}“{title}”的{phase}已超过期限（{due}）。' },
    en: {
      title: 'Project deadline passed',
      body: 'The {phaseEn} of “{title}” ({unit}) passed its date ({due}).',
    },
  },
  'projects.visit': {
    'zh-CN': {
      title: '中期实地查看意见',
      body: '民政局对{unit}“{title}”提出中期查看意见，请答复：{comment}',
    },
    en: {
      title: 'Mid-term visit opinions',
      body: 'The bureau’s mid-term opinions on “{title}” ({unit}) await your answer: {comment}',
    },
  },
  'dispute.diverted': {
    'zh-CN': {
      title: '新矛盾纠纷待受理',
      body: '纠纷{kind} {number}（{title}）已分流到{unit}，请在 {due} 前受理。社区责任人：{contacts}。',
    },
    en: {
      title: 'New dispute to accept',
      body: 'Dispute ticket {number} ({title}) was diverted to {unit}; accept it by {due}. Responsible: {contacts}.',
    },
  },
  'dispute.overdue': {
    'zh-CN': {
      title: '矛盾纠纷工单超时',
      body: '纠纷 {number}（{title}）已超过{unit}的受理或办结时限，已升级督办。社区责任人：{contacts}。',
    },
    en: {
      title: 'Dispute ticket overdue',
      body: 'Dispute {number} ({title}) passed its time limit at {unit} and was escalated. Responsible: {contacts}.',
    },
  },
  'dispute.confirm_window': {
    'zh-CN': {
      title: '司法确认申请期限将至',
      body: '纠纷 {number}（{title}）的调解协议申请司法确认的期限于 {due} 届满，请提醒当事人。',
    },
    en: {
      title: 'Judicial confirmation window closing',
      body: 'The 30-day window to apply for judicial confirmation of the agreement in dispute {number} ({title}) closes at {due}; remind the parties.',
    },
  },
  'projects.evaluated': {
    'zh-CN': {
      title: '项目末期评估结果',
      body: '{call}：{unit}“{title}”末期评估得分{score}分，等次为{grade}。',
    },
    en: {
      title: 'Final evaluation result',
      body: '{call}: “{title}” ({unit}) scored {score} in the final evaluation, grade {grade}.',
    },
  },
} as const satisfies NotificationTemplates;

export type NotificationEvent = keyof typeof NOTIFICATION_TEMPLATES;
export const NOTIFICATION_EVENTS = Object.keys(NOTIFICATION_TEMPLATES) as NotificationEvent[];

/** The event's title and body in `locale`, placeholders filled (a missing param stays empty). */
export function renderNotification(
  event: string,
  params: Record<string, string | number>,
  locale: Locale,
): NotificationText {
  const t = (NOTIFICATION_TEMPLATES as NotificationTemplates)[event]?.[locale];
  if (!t) return { title: event, body: '' };
  const fill = (s: string) => fillPlaceholders(s, (k) => String(params[k] ?? ''));
  return { title: fill(t.title), body: fill(t.body) };
}
