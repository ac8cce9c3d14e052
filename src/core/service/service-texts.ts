// What the bot says about service requests: short, polite Chinese. Every post names "求助#N", so a reply quoting
// it (WeChat quotes carry text, not ids) is recognised as being about that request.
import type { ServiceRequest } from './service.types.ts';

export const SERVICE_REF = /求助\s*#(\d{1,9})/;

/** Where a volunteer who took a request meets its requester: the requester's group, where both were @-mentioned. */
export interface TakenMeet {
  group: string;
  requester: string;
  /** The volunteer took it in that very group. */
  here: boolean;
}

const brief = (r: Pick<ServiceRequest, 'summary'>) => (r.summary.length > 60 ? `${r.summary.slice(0, 60)}…` : r.summary);

export const serviceTexts = {
  /** A bare 接单 with several requests waiting for a taker there (numbers oldest first). */
  whichToTake: (nos: readonly number[]) =>
    `目前有${nos.map((n) => `求助#${n}`).join('、')}待接单，请引用要接的求助消息回复“接单”，或发送“接单 求助#${nos.at(-1)}”。`,
  received: (r: ServiceRequest) => `已收到您的求助（求助#${r.id}，${r.kind}），社区将尽快安排志愿者，有人接单后会在本群告诉您。`,
  /** The community has no volunteer on record: the staff were told, and the resident hears it plainly. */
  receivedNoVolunteer: (r: ServiceRequest) => `已收到您的求助（求助#${r.id}，${r.kind}），本社区暂无登记的志愿者，已转社区工作人员联系您。`,
  /** `pooled`: the community has a volunteers' group (志愿者群), so the request can also be posted there for anyone to take. */
  toStaff: (r: ServiceRequest, group: string, requester: string, volunteers: readonly string[], pooled = true) =>
    `【求助#${r.id}·待派单】${r.kind}：${brief(r)}\n求助人：${requester}（${group}）\n` +
    (volunteers.length ? `可派志愿者：${volunteers.join('、')}\n` : '') +
    `派单：在群里发“派单 求助#${r.id} @志愿者姓名”` + (pooled ? `，或“派单 求助#${r.id} 志愿者群”由志愿者抢单。` : '。'),
  toVolunteer: (r: ServiceRequest, group: string) =>
    `【求助#${r.id}·派单】${r.kind}：${brief(r)}（${group}）\n社区派给您，能接请在群里发“接单 求助#${r.id}”。` +
    (group ? `接单后会在“${group}”@您和求助人，请在该群联系。` : '') +
    `办好后发“完成 求助#${r.id} 办理情况”。`,
  pool: (r: ServiceRequest, place: string) =>
    `【求助#${r.id}·待接单】${r.kind}：${brief(r)}（${place}）\n哪位志愿者能帮忙，请回复本消息“接单”，先到先得。`,
  dispatched: (r: ServiceRequest, name: string) => `求助#${r.id}已派给志愿者${name}，等待接单。`,
  pooled: (r: ServiceRequest, groups: number) => `求助#${r.id}已发到${groups}个志愿者群，等待志愿者接单。`,
  taken: (r: ServiceRequest, name: string) => `求助#${r.id}已由志愿者${name}接单，会尽快与您联系。`,
  /** Posted in the requester's group, @-mentioning both: the two talk there (no number is handed to the volunteer). */
  takenMeet: (r: ServiceRequest, name: string) => `求助#${r.id}已由志愿者${name}接单，请二位在本群联系。`,
  poolTaken: (r: ServiceRequest, name: string) => `求助#${r.id}已由志愿者${name}接单，谢谢大家。`,
  /** To the volunteer who took it: where to reach the requester (the group where both were @-mentioned). */
  takenSelf: (r: ServiceRequest, meet: TakenMeet | null) =>
    `您已接下求助#${r.id}，谢谢！` +
    (!meet
      ? '社区工作人员会帮您联系求助人。'
      : meet.here
        ? `请在本群与求助人${meet.requester}联系。`
        : `已在“${meet.group}”@您和求助人${meet.requester}，请在该群联系（不在该群的，请社区工作人员拉您入群）。`) +
    `办好后请发“完成 求助#${r.id} 办理情况”。`,
  takenByOther: (r: ServiceRequest) => `谢谢您的热心，求助#${r.id}已有其他志愿者接单。`,
  askConfirm: (r: ServiceRequest, name: string, note: string) =>
    `【求助#${r.id}·请确认】志愿者${name}已办好：${note}\n求助人请回复本消息“确认”；如没有办好，请回复“未完成”。`,
  doneSelf: (r: ServiceRequest) => `已告知求助人确认求助#${r.id}，谢谢您！`,
  confirmed: (r: ServiceRequest, name: string, points: number) => `求助#${r.id}已完成，感谢志愿者${name}！已为其记${points}积分。`,
  confirmedToVolunteer: (r: ServiceRequest, points: number) => `求助#${r.id}已经求助人确认完成，您获得${points}积分，感谢您的付出！`,
  reopened: (r: ServiceRequest) => `已将求助#${r.id}退回志愿者继续办理。`,
  reopenedToVolunteer: (r: ServiceRequest, note: string) => `求助#${r.id}求助人反映尚未办好${note ? `：${note}` : ''}，请继续跟进，办好后再发“完成 求助#${r.id} 办理情况”。`,
  cancelled: (r: ServiceRequest) => `求助#${r.id}已取消。`,
  cancelledToVolunteer: (r: ServiceRequest) => `求助#${r.id}已取消，不用再办了，谢谢您。`,
  notFound: (no: number) => `未找到求助#${no}，请核对编号。`,
  wrongStatus: (no: number, status: string) => `求助#${no}目前${status}，不能进行此操作。`,
  notStaff: () => '抱歉，派单需由负责该社区的工作人员办理。',
  notVolunteer: () => '抱歉，接单需由登记的志愿者办理，欢迎联系社区登记。',
  notYours: (no: number) => `抱歉，求助#${no}不是派给您的。`,
  notRequester: (no: number) => `抱歉，求助#${no}需由求助人本人或工作人员操作。`,
  noVolunteer: (name: string) => `未找到本社区名为“${name}”的志愿者，请核对姓名。`,
  noPool: () => '本社区还没有志愿者群，请直接派给志愿者：派单 求助#编号 @姓名。',
  usage: (what: string) => `格式不对，请按“${what}”发送。`,
};
