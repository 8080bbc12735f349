import { z } from 'zod';

/** `page` (from 1) and `pageSize` (1–200, default 20) of a list query; spread into its schema. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
