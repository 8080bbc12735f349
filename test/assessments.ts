import { expect } from 'vitest';
import type { SheetDetailDto } from '../src/shared/contracts/assessments';
import type { Client } from './app';

/**
 * Ratings of one project on the six aspects (R-AS-4) that come to 87.5 %: with part one all A this makes a total of
 * exactly 95.00, on the 优秀 edge (R-AS-3).
 */
export const RATINGS_ON_EXCELLENT_EDGE = {
  completion: 90,
  satisfaction: 85,
  finance: 90,
  capacity: 85,
  operation: 90,
  efficacy: 85,
};

/** One rating on all six aspects (R-AS-4). */
export const evenRatings = (r: number) => ({
  completion: r,
  satisfaction: r,
  finance: r,
  capacity: r,
  operation: r,
  efficacy: r,
});

/**
 * Takes a sheet from self-assessment to signed through the API: the community sets every scored indicator to A
 * and submits, the subdistrict approves, the assigned evaluator sets every indicator to A, rates one doorstep
 * project `rating` on all six aspects and signs. On the Zhoushan standard part one is 60 and part two 40 × rating %:
 * 50 makes exactly 80.00 (合格, a 幸福社区), 49 makes 79.60 (不合格).
 */
export async function signSheet(
  by: { community: Client; subdistrict: Client; evaluator: Client },
  sheetId: string,
  scoredNodeIds: readonly string[],
  rating: number,
): Promise<SheetDetailDto> {
  const url = `/api/assessments/sheets/${sheetId}`;
  const allA = scoredNodeIds.map((nodeId) => ({ nodeId, state: 'A' }));
  const steps: [Client, 'patch' | 'post', string, unknown][] = [
    [by.community, 'patch', `${url}/scores`, { entries: allA }],
    [by.community, 'post', `${url}/actions`, { action: 'submit' }],
    [by.subdistrict, 'post', `${url}/actions`, { action: 'approve' }],
    [
      by.evaluator,
      'patch',
      `${url}/scores`,
      {
        entries: allA,
        projects: [{ name: '银龄互助食堂', category: '养老服务类', ratings: evenRatings(rating) }],
      },
    ],
    [by.evaluator, 'post', `${url}/actions`, { action: 'sign' }],
  ];
  let last: SheetDetailDto | undefined;
  for (const [who, method, path, body] of steps) {
    const res = await who[method](path, body);
    expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(200);
    last = res.json();
  }
  expect(last!.state).toBe('signed');
  return last!;
}
