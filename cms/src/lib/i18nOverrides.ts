/**
 * Corrections to @payloadcms/translations' Vietnamese: no English words ("fields", "Field",
 * "Collection", "unknown error") and no stray quotes in messages staff read in toasts.
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
  validation: {
    fieldHasNo: 'Trường này không có: {{label}}',
    invalidSelection: 'Lựa chọn ở trường này không hợp lệ.',
    invalidSelections: 'Trường này có những lựa chọn không hợp lệ sau:',
    validUploadID: 'Trường này không chứa ID tệp tải lên hợp lệ.',
  },
}
