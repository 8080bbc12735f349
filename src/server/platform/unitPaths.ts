/** The unit ids along a materialised org path (`/a/b/c/` → a, b, c), the root first. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The first community among the units along `path`, given those units by id (e.g. from unitsByIds); else undefined. */
export function communityOnPath<U extends { kind: string }>(
  units: Map<string, U>,
  path: string,
): U | undefined {
  return idsOnPath(path)
    .map((id) => units.get(id))
    .find((u) => u?.kind === 'community');
}
