/** Who acts. `system` is the scheduled sweep (e.g. the rating window closing). */
export const ACTOR_ROLES = ['resident', 'cadre', 'staff', 'admin', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  resident: '群众',
  cadre: '干部',
  staff: '乡镇/县工作人员',
  admin: '系统管理员',
  system: '系统',
};

/**
 * How an actor stands to one request. The server works these out from the rows (and the staff
 * member's org scope); the rules below only ever look at relations, never at ids.
 */
export const RELATIONS = [
  /** the resident who submitted it (or on whose behalf it was entered) */
  'requester',
  /** its current handler */
  'owner',
  /** the cadre whose card or visit it came through (首访负责制) */
  'first_contact',
  /** township/county staff whose org subtree contains the owner's unit */
  'staff_in_scope',
  /** the cadre a conduct complaint (干部作风) is about */
  'subject',
] as const;
export type Relation = (typeof RELATIONS)[number];

export interface Actor {
  role: ActorRole;
  relations: readonly Relation[];
}

export function hasRelation(actor: Actor, relation: Relation): boolean {
  return actor.relations.includes(relation);
}
