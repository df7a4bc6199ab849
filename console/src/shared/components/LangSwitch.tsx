import { Button } from "antd";
import { useI18n } from "../i18n/core.tsx";

/** 中文 ⇄ English, remembered in localStorage. */
export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Button size="small" data-testid="lang-switch" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
      {t("language")}
    </Button>
  );
}
