/** UI strings of the services module (keys `services.*`), merged into the console dictionaries. */
export const servicesZh = {} as const;

export const servicesEn: Record<keyof typeof servicesZh, string> = {};
