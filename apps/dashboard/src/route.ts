import { useEffect, useState } from "react";

/**
 * The dashboard's place in the URL hash ("#/laporan?from=2026-11-01&to=…"), so
 * a report can be bookmarked, shared with a colleague or reopened after a
 * reload with the same filters.
 */
export type View = "langsung" | "laporan" | "log" | "kepatuhan"
  | "survei" | "pengaduan" | "penilaian" | "admin";

export const VIEWS: readonly View[] = ["langsung", "laporan", "log", "kepatuhan",
  "survei", "pengaduan", "penilaian", "admin"];

export interface Route {
  view: View;
  params: URLSearchParams;
  /** The part after the view ("#/admin/audit": "audit"), or null. */
  sub: string | null;
}

export function parseHash(hash: string): Route {
  const [fullPath = "", search = ""] = hash.replace(/^#\/?/, "").split("?");
  const [path = "", sub = null] = fullPath.split("/");
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : "langsung";
  return { view, params: new URLSearchParams(search), sub: sub || null };
}

export function hrefFor(
  view: View,
  params?: URLSearchParams | Record<string, string | null | undefined>,
): string {
  const search = new URLSearchParams();
  if (params instanceof URLSearchParams) params.forEach((v, k) => search.set(k, v));
  else if (params) for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return `#/${view}${text ? `?${text}` : ""}`;
}

/**
 * What a tab link carries over from the current URL: the shared filter (range,
 * agency, service, counter, officer) and the compliance month, so a manager who
 * chose 26–28 Nov in Laporan finds the same days in Log antrean, whatever month
 * it is now. View-specific parameters (sort, grouping, page cursor) stay behind.
 */
export const CARRIED_PARAMS = ["from", "to", "agency", "service", "counter", "officer", "month"] as const;

export function tabHref(view: View, current: URLSearchParams): string {
  const carried: Record<string, string | null> = {};
  for (const key of CARRIED_PARAMS) carried[key] = current.get(key);
  return hrefFor(view, carried);
}

/** The current parameters with `patch` applied (a null or empty value removes its key). */
export function patchParams(params: URLSearchParams, patch: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(patch)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}

export function navigate(
  view: View,
  params?: URLSearchParams | Record<string, string | null | undefined>,
  replace = false,
): void {
  const href = hrefFor(view, params);
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener("hashchange", update);
    window.addEventListener("popstate", update);
    return () => {
      window.removeEventListener("hashchange", update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}
