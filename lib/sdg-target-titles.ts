/**
 * Short titles of the SDG targets the report touches, in the six languages. The UN publishes
 * only the full text of each target, so every short title here, English included, is an
 * abridgement of it: ALL UNOFFICIAL. The translations abridge the official target text of their
 * language where it was remembered (the UN's own terms: trata de personas, traite, 人口贩运…);
 * none was checked against the resolution (A/RES/70/1).
 */
import type { InEveryLocale } from './i18n/locales';
import type { SdgTarget } from './taxonomy';

export const SDG_TARGET_TITLES: Record<SdgTarget, InEveryLocale> = {
  '5.2': {
    en: 'Eliminate violence against women and girls, including trafficking and sexual and other exploitation',
    ar: 'القضاء على جميع أشكال العنف ضد النساء والفتيات، بما في ذلك الاتجار بالبشر والاستغلال الجنسي وغيره من أنواع الاستغلال',
    es: 'Eliminar la violencia contra las mujeres y las niñas, incluidas la trata y la explotación sexual y otros tipos de explotación',
    fr: 'Éliminer la violence à l’égard des femmes et des filles, y compris la traite et l’exploitation sexuelle et d’autres types d’exploitation',
    ru: 'Ликвидировать насилие в отношении женщин и девочек, включая торговлю людьми, сексуальную и другие формы эксплуатации',
    zh: '消除对妇女和女童的暴力行为，包括贩卖、性剥削及其他形式的剥削',
  },
  '8.7': {
    en: 'Eradicate forced labour, end modern slavery and human trafficking, end child labour',
    ar: 'القضاء على السخرة وإنهاء الرق المعاصر والاتجار بالبشر وإنهاء عمل الأطفال',
    es: 'Erradicar el trabajo forzoso, poner fin a las formas contemporáneas de esclavitud y la trata de personas, poner fin al trabajo infantil',
    fr: 'Supprimer le travail forcé, mettre fin à l’esclavage moderne et à la traite d’êtres humains, mettre fin au travail des enfants',
    ru: 'Искоренить принудительный труд, покончить с современным рабством и торговлей людьми, покончить с детским трудом',
    zh: '根除强迫劳动，终止现代奴隶制和人口贩运，终止童工',
  },
  '8.8': {
    en: 'Protect labour rights and safe working environments for all workers, including migrant workers',
    ar: 'حماية حقوق العمل وتهيئة بيئات عمل آمنة لجميع العمال، بمن فيهم العمال المهاجرون',
    es: 'Proteger los derechos laborales y promover un entorno de trabajo seguro para todos los trabajadores, incluidos los trabajadores migrantes',
    fr: 'Défendre les droits des travailleurs et promouvoir la sécurité sur le lieu de travail pour tous les travailleurs, y compris les migrants',
    ru: 'Защищать трудовые права и обеспечивать безопасные условия труда для всех трудящихся, включая трудящихся-мигрантов',
    zh: '保护所有劳动者（包括移民工人）的劳工权利和安全工作环境',
  },
  '10.3': {
    en: 'Ensure equal opportunity; eliminate discriminatory laws, policies and practices',
    ar: 'ضمان تكافؤ الفرص؛ وإلغاء القوانين والسياسات والممارسات التمييزية',
    es: 'Garantizar la igualdad de oportunidades; eliminar las leyes, políticas y prácticas discriminatorias',
    fr: 'Assurer l’égalité des chances ; éliminer les lois, politiques et pratiques discriminatoires',
    ru: 'Обеспечить равенство возможностей; отменить дискриминационные законы, политику и практику',
    zh: '确保机会均等；消除歧视性的法律、政策和做法',
  },
  '10.7': {
    en: 'Facilitate orderly, safe, regular and responsible migration and mobility of people',
    ar: 'تيسير هجرة الناس وتنقلهم على نحو منظم وآمن ومنتظم ومتسم بالمسؤولية',
    es: 'Facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas',
    fr: 'Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et responsable',
    ru: 'Содействовать упорядоченной, безопасной, легальной и ответственной миграции и мобильности людей',
    zh: '促进有序、安全、正常和负责任的移民和人员流动',
  },
  '16.2': {
    en: 'End abuse, exploitation, trafficking and all forms of violence against children',
    ar: 'إنهاء إساءة معاملة الأطفال واستغلالهم والاتجار بهم وجميع أشكال العنف ضدهم',
    es: 'Poner fin al maltrato, la explotación, la trata y todas las formas de violencia contra los niños',
    fr: 'Mettre un terme à la maltraitance, à l’exploitation et à la traite, et à toutes les formes de violence dont sont victimes les enfants',
    ru: 'Положить конец надругательствам, эксплуатации, торговле детьми и всем формам насилия в отношении детей',
    zh: '制止对儿童进行虐待、剥削、贩卖以及一切形式的暴力',
  },
  '16.3': {
    en: 'Promote the rule of law and ensure equal access to justice for all',
    ar: 'تعزيز سيادة القانون وضمان تكافؤ فرص وصول الجميع إلى العدالة',
    es: 'Promover el estado de derecho y garantizar la igualdad de acceso a la justicia para todos',
    fr: 'Promouvoir l’état de droit et garantir à tous un égal accès à la justice',
    ru: 'Содействовать верховенству права и обеспечить всем равный доступ к правосудию',
    zh: '促进法治，确保所有人都能平等诉诸司法',
  },
  '16.5': {
    en: 'Substantially reduce corruption and bribery in all their forms',
    ar: 'الحد بدرجة كبيرة من الفساد والرشوة بجميع أشكالهما',
    es: 'Reducir considerablemente la corrupción y el soborno en todas sus formas',
    fr: 'Réduire nettement la corruption et la pratique des pots-de-vin sous toutes leurs formes',
    ru: 'Значительно сократить масштабы коррупции и взяточничества во всех их формах',
    zh: '大幅减少一切形式的腐败和贿赂行为',
  },
  '17.18': {
    en: 'Increase the availability of high-quality data disaggregated by migratory status and other characteristics',
    ar: 'زيادة توافر بيانات عالية الجودة مصنفة حسب الوضع من حيث الهجرة وغيره من الخصائص',
    es: 'Aumentar la disponibilidad de datos de gran calidad desglosados por estatus migratorio y otras características',
    fr: 'Accroître la disponibilité de données de qualité ventilées par statut migratoire et selon d’autres caractéristiques',
    ru: 'Повысить доступность высококачественных данных, дезагрегированных по миграционному статусу и другим характеристикам',
    zh: '增加按移民身份和其他特征分列的高质量数据的可得性',
  },
};
