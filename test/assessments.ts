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
