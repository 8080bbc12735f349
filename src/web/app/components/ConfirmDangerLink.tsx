import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';

/** A small red link button (撤销, 删除 …) that acts only once its Popconfirm question `title` is confirmed. */
export function ConfirmDangerLink({
  title,
  onConfirm,
  children,
}: {
  title: ReactNode;
  onConfirm: () => void;
  children: ReactNode;
}) {
  return (
    <Popconfirm title={title} onConfirm={onConfirm}>
      <Button size="small" type="link" danger>
        {children}
      </Button>
    </Popconfirm>
  );
}
