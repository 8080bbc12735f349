import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, type FormListFieldData, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A form list under a bold heading: each row's fields (`children`) followed by a remove icon, and a dashed
 * small button (`addText`) under them that adds `blank` (e.g. an owners' committee's members, an election's
 * candidates).
 */
export function ListRows({
  name,
  heading,
  addText,
  blank,
  children,
}: {
  name: string;
  heading: string;
  addText: string;
  blank: Record<string, unknown>;
  children: (field: FormListFieldData) => ReactNode;
}) {
  return (
    <>
      <Typography.Text strong>{heading}</Typography.Text>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                {children(f)}
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button
              type="dashed"
              size="small"
              style={{ marginTop: 8 }}
              icon={<PlusOutlined />}
              onClick={() => add(blank)}
            >
              {addText}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
