/** UI strings of the volunteers module (keys `volunteers.*`), merged into the console dictionaries. */
export const volunteersZh = {} as const;

export const volunteersEn: Record<keyof typeof volunteersZh, string> = {};
