/** UI strings of the merchants module (keys `merchants.*`), merged into the console dictionaries. */
export const merchantsZh = {} as const;

export const merchantsEn: Record<keyof typeof merchantsZh, string> = {};
