/** 张三 → 张*: how a resident is named on the board (an objector, a topic's proposer, a commenter), masked. */
export const maskName = (name: string) =>
  name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;
