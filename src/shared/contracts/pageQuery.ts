import { z } from 'zod';

/** `page` (from 1) and `pageSize` (1–200, default `defaultPageSize`) of a list query; spread into its schema. */
export function pageQueryOf(defaultPageSize: number) {
  return {
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(defaultPageSize),
  };
}

/** `page` (from 1) and `pageSize` (1–200, default 20) of a list query; spread into its schema. */
export const pageQuery = pageQueryOf(20);
