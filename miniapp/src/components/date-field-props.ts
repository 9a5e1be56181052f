export interface DateFieldProps {
  label: string;
  /** A local date, YYYY-MM-DD. */
  value: string;
  onPick: (date: string) => void;
}
