/// <reference types="xrm" />
/**
 * rapport_/commands/follow.js — command bar (ribbon) functions, namespace Rapport.Commands.Follow.
 * Pass PrimaryControl (the form context) as the CRM parameter.
 *   Enable rule (custom rule, async):  isEnabled            -> the table is tracked (GetFollowState.IsTracked)
 *   Two-button layout:                  isFollowVisible / isUnfollowVisible
 *   Label / icon / tooltip:             label, icon, tooltip (reflect IsFollowing and FollowerCount)
 *   Action:                             toggle
 * The state is fetched once per record and cached for the life of the page.
 */
import { RapportApi, cleanId, type FollowState } from "../shared/api";
import { createStrings } from "../shared/strings";

export const FOLLOW_ICON = "rapport_/icons/follow.svg";
export const UNFOLLOW_ICON = "rapport_/icons/unfollow.svg";

const cache = new Map<string, Promise<FollowState>>();

interface Target {
  table: string;
  id: string;
  key: string;
}

function targetOf(primaryControl: Xrm.FormContext | null | undefined): Target | null {
  const entity = primaryControl?.data?.entity;
  const id = entity?.getId();
  if (!entity || !id) return null;
  const table = entity.getEntityName();
  return { table, id: cleanId(id), key: `${table}:${cleanId(id)}` };
}

function strings() {
  return createStrings(Xrm.Utility.getGlobalContext().userSettings.languageId);
}

/** Cached follow state; a failed call is not cached so the next evaluation retries. */
export function state(primaryControl: Xrm.FormContext): Promise<FollowState | null> {
  const target = targetOf(primaryControl);
  if (!target) return Promise.resolve(null);
  let pending = cache.get(target.key);
  if (!pending) {
    pending = new RapportApi(Xrm).getFollowState(target.table, target.id);
    cache.set(target.key, pending);
    pending.catch(() => cache.delete(target.key));
  }
  return pending.catch(() => null);
}

export async function isEnabled(primaryControl: Xrm.FormContext): Promise<boolean> {
  return (await state(primaryControl))?.isTracked ?? false;
}

export async function isFollowVisible(primaryControl: Xrm.FormContext): Promise<boolean> {
  const s = await state(primaryControl);
  return !!s && s.isTracked && !s.isFollowing;
}

export async function isUnfollowVisible(primaryControl: Xrm.FormContext): Promise<boolean> {
  const s = await state(primaryControl);
  return !!s && s.isTracked && s.isFollowing;
}

export async function label(primaryControl: Xrm.FormContext): Promise<string> {
  const s = await state(primaryControl);
  return strings().t(s?.isFollowing ? "unfollow" : "follow");
}

export async function icon(primaryControl: Xrm.FormContext): Promise<string> {
  const s = await state(primaryControl);
  return s?.isFollowing ? UNFOLLOW_ICON : FOLLOW_ICON;
}

export async function tooltip(primaryControl: Xrm.FormContext): Promise<string> {
  const s = await state(primaryControl);
  const str = strings();
  const count = str.count("followers", s?.followerCount ?? 0);
  return str.t(s?.isFollowing ? "unfollowTooltip" : "followTooltip", { count });
}

/** Follows or unfollows the record, updates the cached state and refreshes the command bar. */
export async function toggle(primaryControl: Xrm.FormContext): Promise<void> {
  const target = targetOf(primaryControl);
  if (!target) return;
  const api = new RapportApi(Xrm);
  try {
    const current = await state(primaryControl);
    const s: FollowState = current ?? { isFollowing: false, followerCount: 0, isTracked: true };
    let next: FollowState;
    if (s.isFollowing) {
      const r = await api.unfollow(target.table, target.id);
      next = { ...s, isFollowing: false, followerCount: Math.max(0, s.followerCount - (r.removed ? 1 : 0)) };
    } else {
      const r = await api.follow(target.table, target.id);
      next = { ...s, isFollowing: true, followerCount: s.followerCount + (r.alreadyFollowing ? 0 : 1) };
    }
    cache.set(target.key, Promise.resolve(next));
    announce(target, next);
  } catch (e) {
    await Xrm.Navigation.openErrorDialog({ message: e instanceof Error ? e.message : String(e) });
  } finally {
    primaryControl.ui?.refreshRibbon?.(false);
  }
}

/**
 * The window event the form's Feed code component listens to (Controls/Feed/FeedApp.tsx), so its follower count
 * changes with the command bar's Follow: both run in the form's window, and neither can reach the other's state.
 */
export const FOLLOW_CHANGE_EVENT = "rapport:followchange";

function announce(target: Target, s: FollowState): void {
  if (typeof window === "undefined" || typeof CustomEvent === "undefined") return;
  window.dispatchEvent(new CustomEvent(FOLLOW_CHANGE_EVENT, { detail: { table: target.table, id: target.id, isFollowing: s.isFollowing, followerCount: s.followerCount } }));
}

/** For tests and for a form that wants a fresh read (e.g. after a bulk follow). */
export function clearCache(): void {
  cache.clear();
}
