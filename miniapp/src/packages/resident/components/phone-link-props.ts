export interface PhoneLinkProps {
  /** The account is now the phone's: load the list again. */
  onLinked: () => void;
}
