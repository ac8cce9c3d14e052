// The default neighbourhood categories: codes in code, Chinese in what people read. A city may configure its own.

export const DEFAULT_CATEGORIES: Record<string, string> = {
  facility_repair: '设施维修',
  sanitation: '环境卫生',
  property_service: '物业服务',
  noise: '噪音扰民',
  parking_traffic: '停车交通',
  fire_safety: '消防安全',
  utilities: '水电气暖',
  neighbour_dispute: '邻里纠纷',
  public_security: '社会治安',
  greening: '园林绿化',
  policy_inquiry: '政策咨询',
  other: '其他',
};

/** The Chinese name of a category code; unknown codes (a city's own labels) are shown as they are. */
export function categoryName(code: string, categories: Record<string, string> = DEFAULT_CATEGORIES): string {
  return categories[code] ?? code;
}
