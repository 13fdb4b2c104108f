import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { WorkflowActions as WorkflowActions_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { WorkflowSaveDraft as WorkflowSaveDraft_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { WorkflowStatus as WorkflowStatus_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { NoButton as NoButton_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { ExcelImportPanel as ExcelImportPanel_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { ClassRoster as ClassRoster_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { ClassFilter as ClassFilter_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { TruongSoIcon as TruongSoIcon_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { TruongSoLogo as TruongSoLogo_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { GlobalViewRedirect as GlobalViewRedirect_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { GradebookNavLink as GradebookNavLink_b2e2b1913c58daf9db939d30c841becb } from '@truongso/payload-plugin/client'
import { PasswordReminderBanner as PasswordReminderBanner_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { OversightReminderBanner as OversightReminderBanner_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { MyWork as MyWork_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { ReviewQueue as ReviewQueue_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { CorrectionsBadge as CorrectionsBadge_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { DisclosureCompliance as DisclosureCompliance_ac84a9fec8613176967592e768584239 } from '@truongso/payload-plugin/rsc'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { GradebookView as GradebookView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { GradebookCorrectionsView as GradebookCorrectionsView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { GradebookResultsView as GradebookResultsView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { GradebookProgress as GradebookProgress_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { AttendanceView as AttendanceView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { TeachingPlansView as TeachingPlansView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { TimetableView as TimetableView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { ClassLogView as ClassLogView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { EducationRecordsView as EducationRecordsView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { LessonPlansView as LessonPlansView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { BooksView as BooksView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { OversightView as OversightView_30a44708d2679c64b01b28c0f0408bdb } from '@truongso/payload-plugin/views'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@truongso/payload-plugin/client#WorkflowActions": WorkflowActions_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/client#WorkflowSaveDraft": WorkflowSaveDraft_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/client#WorkflowStatus": WorkflowStatus_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/client#NoButton": NoButton_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/client#ExcelImportPanel": ExcelImportPanel_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/client#ClassRoster": ClassRoster_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/client#ClassFilter": ClassFilter_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/rsc#TruongSoIcon": TruongSoIcon_ac84a9fec8613176967592e768584239,
  "@truongso/payload-plugin/rsc#TruongSoLogo": TruongSoLogo_ac84a9fec8613176967592e768584239,
  "@payloadcms/plugin-multi-tenant/rsc#GlobalViewRedirect": GlobalViewRedirect_d6d5f193a167989e2ee7d14202901e62,
  "@truongso/payload-plugin/client#GradebookNavLink": GradebookNavLink_b2e2b1913c58daf9db939d30c841becb,
  "@truongso/payload-plugin/rsc#PasswordReminderBanner": PasswordReminderBanner_ac84a9fec8613176967592e768584239,
  "@truongso/payload-plugin/rsc#OversightReminderBanner": OversightReminderBanner_ac84a9fec8613176967592e768584239,
  "@truongso/payload-plugin/rsc#MyWork": MyWork_ac84a9fec8613176967592e768584239,
  "@truongso/payload-plugin/rsc#ReviewQueue": ReviewQueue_ac84a9fec8613176967592e768584239,
  "@truongso/payload-plugin/rsc#CorrectionsBadge": CorrectionsBadge_ac84a9fec8613176967592e768584239,
  "@truongso/payload-plugin/rsc#DisclosureCompliance": DisclosureCompliance_ac84a9fec8613176967592e768584239,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "@truongso/payload-plugin/views#GradebookView": GradebookView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#GradebookCorrectionsView": GradebookCorrectionsView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#GradebookResultsView": GradebookResultsView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#GradebookProgress": GradebookProgress_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#AttendanceView": AttendanceView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#TeachingPlansView": TeachingPlansView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#TimetableView": TimetableView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#ClassLogView": ClassLogView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#EducationRecordsView": EducationRecordsView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#LessonPlansView": LessonPlansView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#BooksView": BooksView_30a44708d2679c64b01b28c0f0408bdb,
  "@truongso/payload-plugin/views#OversightView": OversightView_30a44708d2679c64b01b28c0f0408bdb,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
