import type { CSSProperties } from 'react';

/**
 * The app's mark: 邻 in white on a red rounded square of `size` pixels (corner `radius`, glyph `fontSize`);
 * `style` adds to it (the sidebar's keeps its width, the login card's has room below).
 */
export function BrandMark({
  size,
  radius,
  fontSize,
  style,
}: {
  size: number;
  radius: number;
  fontSize: number;
  style?: CSSProperties;
}) {
  return (
    <span
      aria-hidden
      style={{
        width: size,
        height: size,
        borderRadius: radius,
        background: '#c0392b',
        color: '#fff',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontWeight: 700,
        fontSize,
        ...style,
      }}
    >
      邻
    </span>
  );
}
