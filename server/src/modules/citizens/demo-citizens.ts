/** Demo citizens of the sandbox e-ID (fictitious people; ID numbers valid in form only). */
export interface DemoCitizen {
  subject: string;
  fullName: string;
  idNumber: string;
  birthDate: string;
  phone: string;
  communeCode: string;
  communeName: string;
  addressDetail: string;
}

export const DEMO_CITIZENS: DemoCitizen[] = [
  { subject: 'vneid-demo-0001', fullName: 'Nguyễn Văn An', idNumber: '079090001234', birthDate: '1990-04-12', phone: '0901234567', communeCode: '25969', communeName: 'Phường Thuận Giao', addressDetail: 'Số 12 đường Thuận Giao 21, khu phố Bình Thuận' },
  { subject: 'vneid-demo-0002', fullName: 'Trần Thị Bích Ngọc', idNumber: '074195004321', birthDate: '1995-09-03', phone: '0912345678', communeCode: '25966', communeName: 'Phường Lái Thiêu', addressDetail: 'Số 5 đường Phan Đình Phùng, khu phố Hòa Long' },
  { subject: 'vneid-demo-0003', fullName: 'Lê Hoàng Phúc', idNumber: '079201007788', birthDate: '2001-01-25', phone: '0987654321', communeCode: '25882', communeName: 'Xã Phước Hòa', addressDetail: 'Ấp 3' },
];
