import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense, useState } from "react";
import { I18nProvider, initialLang, type Lang } from "./shared/i18n/core.tsx";

const Portal = lazy(() => import("./portal/Portal.tsx"));
const Console = lazy(() => import("./app/Console.tsx"));

export function Root({ portal }: { portal: boolean }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  return (
    <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={{ token: { colorPrimary: "#1f5fbf" } }}>
      <AntApp>
        <I18nProvider onChange={setLang}>
          <Suspense fallback={<Spin style={{ display: "block", margin: 80 }} />}>
            {portal ? <Portal /> : <Console />}
          </Suspense>
        </I18nProvider>
      </AntApp>
    </ConfigProvider>
  );
}
