/**
 * The console's i18n, zh-CN (default) and English, through one mechanism: the common labels in
 * `./common.ts`, and each feature's labels beside it (`features/x/i18n.ts`) declared with
 * {@link defineDictionary}, whose `useT()` translates the feature's keys and the common ones in
 * the console's language. A key missing from a language is a type error, so no screen mixes
 * languages.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { type CommonKey, en as commonEn, zh as commonZh } from "./common.ts";

export type Lang = "zh" | "en";
export type Vars = Record<string, string | number>;
/** `t("left", { t: "3 d" })`: the label in the current language with `{name}` filled in. */
export type Translate<K extends string> = (key: K, vars?: Vars) => string;
export type TKey = CommonKey;
export type T = Translate<CommonKey>;

const COMMON: Record<Lang, Record<string, string>> = { zh: commonZh, en: commonEn };

/** Fills `{name}` placeholders of a label. */
export function fillVars(s: string, vars?: Vars): string {
  let out = s;
  if (vars) for (const [k, v] of Object.entries(vars)) out = out.replaceAll(`{${k}}`, String(v));
  return out;
}

export function initialLang(): Lang {
  try {
    const v = localStorage.getItem("hotline.lang");
    if (v === "en" || v === "zh") return v;
  } catch {
    // storage may be blocked; fall back to Chinese
  }
  return "zh";
}

function translatorOver(dict: Record<string, string>): Translate<string> {
  return (key, vars) => fillVars(dict[key] ?? key, vars);
}

/** A feature's labels: `t` outside React for a given language, `useT()` in the console's language. */
export interface Dictionary<K extends string> {
  translator(lang: Lang): Translate<K | CommonKey>;
  useT(): Translate<K | CommonKey>;
}

/**
 * Declares a feature's dictionary (at module level, beside the feature): the English labels must
 * have exactly the Chinese ones' keys. Its translator knows the common labels too; a feature key
 * of the same name wins.
 */
export function defineDictionary<K extends string>(
  zh: Record<K, string>,
  en: Record<NoInfer<K>, string>,
): Dictionary<K> {
  const made: Partial<Record<Lang, Translate<K | CommonKey>>> = {};
  const translator = (lang: Lang): Translate<K | CommonKey> => {
    made[lang] ??= translatorOver({ ...COMMON[lang], ...(lang === "zh" ? zh : en) });
    return made[lang];
  };
  return { translator, useT: () => translator(useI18n().lang) };
}

interface I18n {
  lang: Lang;
  /** The common labels. */
  t: T;
  /** A label of an enum value (`kind`, `urgency`, `action`, `role`, …); unknown values as they are. */
  e: (group: string, value: string | null | undefined) => string;
  setLang(l: Lang): void;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (l: Lang) => void }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback(
    (l: Lang) => {
      try {
        localStorage.setItem("hotline.lang", l);
      } catch {
        // ignore
      }
      document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
      setLangState(l);
      onChange?.(l);
    },
    [onChange],
  );
  const value = useMemo<I18n>(() => {
    const dict = COMMON[lang];
    return {
      lang,
      t: translatorOver(dict),
      setLang,
      e: (g, v) => (v ? (dict[`${g}.${v}`] ?? v) : ""),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
