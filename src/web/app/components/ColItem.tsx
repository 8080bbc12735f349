import { Col, Form, type FormItemProps } from 'antd';

/** A form field in a grid column: `<Col span>` around a `<Form.Item>` that takes the other props. */
export function ColItem({ span, ...item }: { span: number } & FormItemProps) {
  return (
    <Col span={span}>
      <Form.Item {...item} />
    </Col>
  );
}
