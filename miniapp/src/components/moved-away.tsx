import { Btn } from './btn';
import { MessageScreen } from './message-screen';

interface MovedAwayProps {
  /** e.g. 已上报 / 已转办 */
  title: string;
  body: string;
  backLabel: string;
  onBack: () => void;
}

/**
 * After a move that hands the request on (上报, 转办), the mover may no longer see it: the
 * server answers `MovedAway` instead of the request. Say where it went and lead back to the list.
 */
export function MovedAway({ title, body, backLabel, onBack }: MovedAwayProps) {
  return (
    <MessageScreen tone="success" icon="→" title={title} body={body}>
      <Btn kind="primary" size="big" onClick={onBack}>
        {backLabel}
      </Btn>
    </MessageScreen>
  );
}
