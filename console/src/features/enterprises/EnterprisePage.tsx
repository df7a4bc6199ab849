/**
 * 企业查询 An enterprise's page: search by USCC or name; its attributes and their version history
 * (what we knew, when); "what is it entitled to and why": its ledger rows with explanations,
 * and the published policies that currently make it eligible or need its data (listed per
 * attribute). Officers issue the verification code for the public lookup here.
 * Paths: /enterprises, /enterprises/<uscc>.
 */
import { Alert, Card, Input, Space, Table } from "antd";
import { useState } from "react";
import { api, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { navigate, usePath } from "../../shared/router.tsx";
import { usePolicyI18n } from "../policies/i18n.ts";
import { type Enterprise, normUscc } from "../policies/model.ts";
import { EnterpriseDetailView } from "./EnterpriseDetail.tsx";

const USCC_RE = /^[0-9A-Z]{18}$/;

export default function EnterprisePage() {
  const path = usePath();
  const uscc = /^\/enterprises\/([^/]+)$/.exec(path)?.[1];
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={16} data-testid="enterprise-page">
      <Search initial={uscc ? decodeURIComponent(uscc) : ""} />
      {uscc && <EnterpriseDetailView key={uscc} uscc={decodeURIComponent(uscc)} />}
    </Space>
  );
}

function Search({ initial }: { initial: string }) {
  const pi = usePolicyI18n();
  const { t } = pi;
  const [q, setQ] = useState(initial);
  const [hits, setHits] = useState<Enterprise[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = async (raw: string) => {
    const s = raw.trim();
    if (!s) return;
    setError(null);
    if (USCC_RE.test(normUscc(s))) {
      setHits(null);
      navigate(`/enterprises/${normUscc(s)}`);
      return;
    }
    try {
      const r = await api<{ items: Enterprise[] }>("GET", `/api/v1/enterprises${qs({ q: s, limit: 50 })}`);
      setHits(r.items);
    } catch (e) {
      setError(pi.err(e));
    }
  };
  return (
    <Card title={t("ent.title")}>
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={find}
        enterButton={t("ent.find")}
        placeholder={t("ent.search")}
        style={{ maxWidth: 520 }}
        data-testid="enterprise-search"
      />
      {error && <Alert type="error" title={error} style={{ marginTop: 12 }} />}
      {hits && (
        <Table<Enterprise>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="uscc"
          dataSource={hits}
          pagination={false}
          locale={{ emptyText: t("ent.notFound") }}
          columns={[
            {
              title: t("ent.name"),
              key: "n",
              render: (_, e) => (
                <a
                  href={`/enterprises/${e.uscc}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    setHits(null);
                    navigate(`/enterprises/${e.uscc}`);
                  }}
                >
                  {e.name}
                </a>
              ),
            },
            { title: t("ent.uscc"), dataIndex: "uscc" },
            { title: t("p.updated"), key: "u", render: (_, e) => fmtTime(e.updatedAt) },
          ]}
        />
      )}
    </Card>
  );
}

/** An attribute value for people: region names, enum labels, yes/no, numbers with their unit. */
