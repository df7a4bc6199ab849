/**
 * 兑现台账 The entitlements ledger: filter by policy, status and department; select rows and
 * confirm, reject (with a reason) or disburse them in bulk (all or nothing, with each row's
 * version so a stale screen cannot overwrite); the explanation of a row on demand, in Chinese,
 * condition by condition, with its immutable history. Handlers see their department's rows.
 */
import { App, Button, Card, Input, Modal, Select, Space, Table, TreeSelect, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { LedgerActionName } from "../../../../common/contracts/policies.ts";
import { api, qs } from "../../shared/api.ts";
import { fmtTime } from "../../shared/format.ts";
import { departmentTree, useRefData } from "../../shared/refdata.ts";
import { navigate } from "../../shared/router.tsx";
import { useApi } from "../../shared/use-api.ts";
import { EntitlementWhy } from "./EntitlementWhy.tsx";
import { usePolicyI18n } from "./i18n.ts";
import { type Entitlement, LEDGER_STATUSES, type LedgerStatus, type PolicySummary } from "./model.ts";
import { LedgerTag } from "./parts.tsx";

type Action = LedgerActionName;

export default function Ledger() {
  const pi = usePolicyI18n();
  const { t } = pi;
  const { message } = App.useApp();
  const ref = useRefData();
  const policies =
    useApi(() => api<{ items: PolicySummary[] }>("GET", "/api/v1/policies"), []).data?.items ?? [];
  const [filter, setFilter] = useState<{ policyId?: string; status?: LedgerStatus; departmentId?: string }>({
    status: "pending",
  });
  const [items, setItems] = useState<Entitlement[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [busy, setBusy] = useState<Action | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await api<{ items: Entitlement[]; nextCursor: string | null }>(
          "GET",
          `/api/v1/entitlements${qs({ ...filter, limit: 100, cursor: after ?? undefined })}`,
        );
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        message.error(pi.err(e));
      } finally {
        setLoading(false);
      }
    },
    [filter, message, pi],
  );
  useEffect(() => {
    setSelected([]);
    void load(null);
  }, [load]);

  const chosen = useMemo(() => items.filter((i) => selected.includes(i.id)), [items, selected]);
  // What the user may do comes with each entry (`abilities`): the buttons show when some entry
  // allows something, and an action is offered for a selection whose every entry allows it.
  const mayAct = items.some((r) => r.abilities.confirm || r.abilities.reject || r.abilities.disburse);
  const can = (a: Action) => chosen.length > 0 && chosen.every((r) => r.abilities[a]);
  const total = chosen.reduce((s, r) => s + r.amount, 0);

  const apply = async (action: Action, why?: string) => {
    setBusy(action);
    try {
      // The API takes up to 500 entries a call, each call all or nothing.
      let done = 0;
      for (let i = 0; i < chosen.length; i += 500) {
        const r = await api<{ items: Entitlement[] }>("POST", `/api/v1/entitlements/actions/${action}`, {
          items: chosen.slice(i, i + 500).map((c) => ({ id: c.id, version: c.version })),
          ...(why ? { reason: why } : {}),
        });
        done += r.items.length;
      }
      message.success(t("l.done", { n: done }));
      setSelected([]);
      await load(null);
      return true;
    } catch (e) {
      message.error(pi.err(e));
      setSelected([]);
      await load(null);
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t("l.title")} data-testid="ledger">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("l.policy")}
          style={{ width: 280 }}
          value={filter.policyId}
          options={policies.map((p) => ({ value: p.id, label: p.title }))}
          onChange={(policyId?: string) => setFilter({ ...filter, policyId })}
          data-testid="ledger-policy"
        />
        <Select
          allowClear
          placeholder={t("l.status")}
          style={{ width: 130 }}
          value={filter.status}
          options={LEDGER_STATUSES.map((s) => ({ value: s, label: t(`ls.${s}`) }))}
          onChange={(status?: LedgerStatus) => setFilter({ ...filter, status })}
          data-testid="ledger-status"
        />
        <TreeSelect
          allowClear
          placeholder={t("l.department")}
          style={{ width: 240 }}
          value={filter.departmentId}
          treeData={ref ? departmentTree(ref.departments) : []}
          showSearch={{ treeNodeFilterProp: "title" }}
          onChange={(departmentId?: string) => setFilter({ ...filter, departmentId })}
        />
        <Button onClick={() => load(null)}>{t("c.refresh")}</Button>
      </Space>
      {mayAct && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            disabled={!can("confirm")}
            loading={busy === "confirm"}
            onClick={() => apply("confirm")}
            data-testid="ledger-confirm"
          >
            {t("l.confirm", { n: chosen.length })}
          </Button>
          <Button
            danger
            disabled={!can("reject")}
            loading={busy === "reject"}
            onClick={() => {
              setReason("");
              setRejecting(true);
            }}
            data-testid="ledger-reject"
          >
            {t("l.reject", { n: chosen.length })}
          </Button>
          <Button
            disabled={!can("disburse")}
            loading={busy === "disburse"}
            onClick={() => apply("disburse")}
            data-testid="ledger-disburse"
          >
            {t("l.disburse", { n: chosen.length })}
          </Button>
          {chosen.length > 0 && (
            <Typography.Text type="secondary" data-testid="ledger-selected">
              {t("l.selectedTotal", { n: chosen.length, a: pi.money(total) })}
            </Typography.Text>
          )}
        </Space>
      )}
      <Table<Entitlement>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="ledger-table"
        rowSelection={
          mayAct
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
            : undefined
        }
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandedRowRender: (r) => <EntitlementWhy id={r.id} />,
        }}
        columns={[
          {
            title: t("l.enterprise"),
            key: "e",
            render: (_, r) => (
              <>
                <a
                  href={`/enterprises/${r.uscc}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/enterprises/${r.uscc}`);
                  }}
                >
                  {r.enterpriseName ?? r.uscc}
                </a>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.uscc}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: t("l.policy"),
            key: "p",
            render: (_, r) => `${r.policyTitle ?? r.policyId} · ${t("v.version", { v: r.policyVersion })}`,
          },
          {
            title: t("l.department"),
            key: "d",
            render: (_, r) => ref?.departmentName.get(r.departmentId) ?? r.departmentId,
          },
          {
            title: t("l.amount"),
            key: "a",
            align: "right",
            render: (_, r) => <span data-testid="ledger-amount">{pi.money(r.amount)}</span>,
          },
          { title: t("l.status"), key: "s", render: (_, r) => <LedgerTag status={r.status} /> },
          { title: t("l.reason"), key: "why", render: (_, r) => r.reason ?? "" },
          { title: t("l.updated"), key: "u", render: (_, r) => fmtTime(r.updatedAt) },
          {
            title: "",
            key: "x",
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                data-testid="ledger-explain"
                onClick={() =>
                  setExpanded(
                    expanded.includes(r.id) ? expanded.filter((k) => k !== r.id) : [...expanded, r.id],
                  )
                }
              >
                {t("l.explain")}
              </Button>
            ),
          },
        ]}
      />
      {cursor && (
        <Button style={{ marginTop: 12 }} onClick={() => load(cursor)} loading={loading}>
          {t("l.more")}
        </Button>
      )}
      <Modal
        open={rejecting}
        title={t("l.rejectTitle", { n: chosen.length })}
        okText={t("c.ok")}
        cancelText={t("c.cancel")}
        okButtonProps={{ disabled: !reason.trim(), danger: true, loading: busy === "reject" }}
        onCancel={() => setRejecting(false)}
        onOk={async () => {
          if (await apply("reject", reason.trim())) setRejecting(false);
        }}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={reason}
          placeholder={t("l.reasonRequired")}
          onChange={(e) => setReason(e.target.value)}
          data-testid="ledger-reason"
        />
      </Modal>
    </Card>
  );
}
