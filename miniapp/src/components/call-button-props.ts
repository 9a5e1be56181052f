export interface CallButtonProps {
  phone: string;
  /** e.g. 打电话给张三 */
  label: string;
  size?: 'normal' | 'big';
  /** `soft`: an outlined button, for the hotlines under the cadre's own (filled) one. */
  tone?: 'strong' | 'soft';
}
