/**
 * Corrections to @payloadcms/translations' Vietnamese: no English words ("fields", "Field",
 * "Collection", "file", "Block", "unknown error") and no stray quotes in messages staff read in
 * toasts. Found by comparing its vi catalogue with en (keys left in English or half English).
 * Not reachable from here: the bulk-upload toasts "Successfully saved N files" / "Failed to save
 * N files" are hard-coded English in @payloadcms/ui (elements/BulkUpload/FormsManager), not i18n keys.
 */
export const vietnameseOverrides = {
  error: {
    correctInvalidFields: 'Lỗi - Vui lòng sửa các trường chưa hợp lệ.',
    followingFieldsInvalid_one: 'Lỗi - Trường sau chưa hợp lệ:',
    followingFieldsInvalid_other: 'Lỗi - Các trường sau chưa hợp lệ:',
    incorrectCollection: 'Lỗi - Bộ sưu tập không hợp lệ.',
    noMatchedField: 'Lỗi - Không tìm thấy trường khớp với "{{label}}".',
    problemUploadingFile: 'Lỗi - Đã xảy ra sự cố khi tải tệp lên.',
    unknown: 'Đã xảy ra lỗi không xác định, vui lòng thử lại.',
    unspecific: 'Đã xảy ra lỗi, vui lòng thử lại.',
    unPublishingDocument: 'Lỗi - Đã xảy ra sự cố khi gỡ tài liệu này.',
    loadingDocument: 'Lỗi - Đã xảy ra sự cố khi tải tài liệu có ID {{id}}.',
    noFilesUploaded: 'Lỗi - Chưa có tệp nào được tải lên.',
  },
  upload: {
    dragAndDropHere: 'hoặc kéo và thả tệp vào đây',
    fileName: 'Tên tệp',
    fileSize: 'Dung lượng tệp',
    selectCollectionToBrowse: 'Chọn một bộ sưu tập để tìm',
    selectFile: 'Chọn một tệp',
  },
  general: {
    collections: 'Bộ sưu tập',
  },
  fields: {
    block: 'Khối',
    blocks: 'khối',
    blockType: 'Loại khối',
    searchForBlock: 'Tìm khối',
    toggleBlock: 'Bật/tắt khối',
  },
  authentication: {
    apiKey: 'Khoá API',
  },
  validation: {
    fieldHasNo: 'Trường này không có: {{label}}',
    invalidSelection: 'Lựa chọn ở trường này không hợp lệ.',
    invalidSelections: 'Trường này có những lựa chọn không hợp lệ sau:',
    validUploadID: 'Trường này không chứa ID tệp tải lên hợp lệ.',
  },
}
