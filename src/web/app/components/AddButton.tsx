import { PlusOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';

/** The primary 新建/添加 button of a list's toolbar, with the plus icon. */
export function AddButton(props: Omit<ButtonProps, 'type' | 'icon'>) {
  return <Button type="primary" icon={<PlusOutlined />} {...props} />;
}
