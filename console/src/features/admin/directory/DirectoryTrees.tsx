/** The department tree (with each department's categories) and the category tree, read-only. */
import { Tree } from "antd";
import { categoryTree, useRefData } from "../../../shared/refdata.ts";

export function DepartmentTree() {
  const ref = useRefData();
  if (!ref) return null;
  const toTree = (nodes: typeof ref.departments): { key: string; title: string; children: unknown[] }[] =>
    nodes.map((n) => ({
      key: n.id,
      title: `${n.name} (${n.id})${n.categoryCodes.length ? ` · ${n.categoryCodes.join(" ")}` : ""}`,
      children: toTree(n.children),
    }));
  return <Tree treeData={toTree(ref.departments) as never} height={560} defaultExpandedKeys={["p-office"]} />;
}

export function CategoryTree() {
  const ref = useRefData();
  if (!ref) return null;
  const tree = categoryTree(ref.categories);
  const toTree = (nodes: typeof tree): unknown[] =>
    nodes.map((n) => ({ key: n.value, title: n.title, children: toTree(n.children) }));
  return <Tree treeData={toTree(tree) as never} height={560} />;
}
