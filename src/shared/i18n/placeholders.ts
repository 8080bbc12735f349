/**
 * `template` with each `{name}` placeholder replaced by `value(name, placeholder)`: the one substitution behind
 * error messages (`formatMessage`) and notification texts (`renderNotification`), which differ only in what a
 * placeholder becomes (a missing error param stays `{name}`, a missing notification param becomes empty).
 */
export const fillPlaceholders = (template: string, value: (name: string, placeholder: string) => string) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => value(name, placeholder));
