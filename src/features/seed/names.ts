/*
 * Names, places and organisations for seed contacts. Names are grouped by culture so a person's
 * first and last names belong together; people live anywhere, so cities are drawn separately.
 * Companies and events are invented; phone numbers use ranges reserved for fiction.
 */

export interface Culture {
  first: readonly string[];
  last: readonly string[];
  /** Phone country code and a format for the subscriber part (# is a digit). */
  phone: readonly [string, string];
}

export const CULTURES: readonly Culture[] = [
  { first: ['Aiko', 'Haruto', 'Yui', 'Sota', 'Mei', 'Kenji', 'Hana', 'Takumi', 'Rin', 'Daichi'], last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'], phone: ['+81', '90-####-####'] },
  { first: ['Chidi', 'Ngozi', 'Emeka', 'Adaeze', 'Tunde', 'Folake', 'Obinna', 'Amaka', 'Seun', 'Ifeoma'], last: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Obi', 'Ogunleye', 'Chukwu'], phone: ['+234', '803 ### ####'] },
  { first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya', 'Vikram', 'Meera', 'Aditya', 'Isha', 'Karthik'], last: ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Menon', 'Krishnan', 'Desai', 'Rao'], phone: ['+91', '98### #####'] },
  { first: ['Wei', 'Xiaoling', 'Jun', 'Mingyu', 'Lan', 'Hao', 'Yan', 'Jiayi', 'Zhen', 'Bo'], last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'], phone: ['+86', '139 #### ####'] },
  { first: ['Beatriz', 'João', 'Larissa', 'Thiago', 'Camila', 'Rafael', 'Juliana', 'Gustavo', 'Fernanda', 'Lucas'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Almeida', 'Ferreira', 'Ribeiro', 'Carvalho'], phone: ['+55', '11 9####-####'] },
  { first: ['Lena', 'Jonas', 'Katharina', 'Felix', 'Marie', 'Lukas', 'Anja', 'Moritz', 'Sophie', 'Tobias'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch'], phone: ['+49', '151 #######'] },
  { first: ['Élodie', 'Mathieu', 'Camille', 'Julien', 'Chloé', 'Antoine', 'Inès', 'Hugo', 'Margaux', 'Théo'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier', 'Mercier'], phone: ['+33', '6 ## ## ## ##'] },
  { first: ['Lucía', 'Javier', 'Carmen', 'Álvaro', 'Marta', 'Pablo', 'Elena', 'Sergio', 'Nuria', 'Diego'], last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Romero', 'Navarro'], phone: ['+34', '6## ### ###'] },
  { first: ['Valeria', 'Santiago', 'Ximena', 'Mateo', 'Daniela', 'Emiliano', 'Regina', 'Leonardo', 'Renata', 'Iker'], last: ['Hernández', 'Ramírez', 'Flores', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Mendoza', 'Vázquez', 'Castillo'], phone: ['+52', '55 #### ####'] },
  { first: ['Layla', 'Omar', 'Nour', 'Yusuf', 'Amira', 'Karim', 'Salma', 'Tariq', 'Rania', 'Hassan'], last: ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Farouk', 'Aziz', 'Hamdan', 'Rahman', 'Bakr'], phone: ['+971', '50 ### ####'] },
  { first: ['Elif', 'Emre', 'Zeynep', 'Burak', 'Defne', 'Can', 'Ayşe', 'Mert', 'Selin', 'Kerem'], last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Koç'], phone: ['+90', '532 ### ## ##'] },
  { first: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Do-hyun', 'Ha-eun', 'Joon-ho', 'Soo-ah', 'Hyun-woo', 'Ye-jin', 'Tae-yang'], last: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim'], phone: ['+82', '10-####-####'] },
  { first: ['Linh', 'Minh', 'Thao', 'Duc', 'Mai', 'Quang', 'Huong', 'Tuan', 'Lan Anh', 'Khoa'], last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'], phone: ['+84', '90 ### ## ##'] },
  { first: ['Zofia', 'Łukasz', 'Agnieszka', 'Piotr', 'Magdalena', 'Tomasz', 'Katarzyna', 'Michał', 'Joanna', 'Krzysztof'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski'], phone: ['+48', '601 ### ###'] },
  { first: ['Astrid', 'Erik', 'Freja', 'Søren', 'Ingrid', 'Magnus', 'Sigrid', 'Anders', 'Linnea', 'Nils'], last: ['Andersson', 'Johansson', 'Lindqvist', 'Nilsson', 'Berg', 'Lund', 'Hansen', 'Dahl', 'Holm', 'Sandberg'], phone: ['+46', '70-### ## ##'] },
  { first: ['Wanjiru', 'Kamau', 'Achieng', 'Otieno', 'Njeri', 'Mwangi', 'Akinyi', 'Kiprono', 'Wambui', 'Baraka'], last: ['Kariuki', 'Odhiambo', 'Mutua', 'Kiplagat', 'Wafula', 'Ochieng', 'Njoroge', 'Chebet', 'Omondi', 'Maina'], phone: ['+254', '712 ######'] },
  { first: ['Siobhán', 'Cian', 'Aoife', 'Darragh', 'Niamh', 'Oisín', 'Saoirse', 'Ronan', 'Clodagh', 'Eoin'], last: ["O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Walsh', "O'Sullivan", 'Doyle', 'McCarthy', 'Gallagher', 'Quinn'], phone: ['+353', '87 ### ####'] },
  { first: ['Giulia', 'Marco', 'Chiara', 'Lorenzo', 'Francesca', 'Matteo', 'Alessia', 'Davide', 'Sara', 'Riccardo'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'], phone: ['+39', '347 ### ####'] },
  { first: ['Noa', 'Eitan', 'Tamar', 'Yonatan', 'Shira', 'Ariel', 'Maya', 'Itai', 'Yael', 'Omri'], last: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Biton', 'Friedman', 'Azoulay', 'Katz', 'Shapiro', 'Ben-David'], phone: ['+972', '52-###-####'] },
  { first: ['Maria', 'Jose', 'Andrea', 'Paolo', 'Kristine', 'Miguel', 'Bianca', 'Rafael', 'Patricia', 'Carlo'], last: ['Santos', 'Reyes', 'Bautista', 'Villanueva', 'Dela Cruz', 'Mendoza', 'Aquino', 'Garcia', 'Castro', 'Ramos'], phone: ['+63', '917 ### ####'] },
  { first: ['Emily', 'James', 'Olivia', 'Michael', 'Grace', 'Daniel', 'Hannah', 'Marcus', 'Chloe', 'Nathan'], last: ['Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Thompson'], phone: ['+1', '(555) 01##-###'] },
  { first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Freya', 'Alfie', 'Poppy'], last: ['Smith', 'Jones', 'Evans', 'Hughes', 'Clarke', 'Patel', 'Wright', 'Walker', 'Hall', 'Green'], phone: ['+44', '20 7946 0###'] },
  { first: ['Kwame', 'Ama', 'Kofi', 'Akosua', 'Yaw', 'Efua', 'Kojo', 'Abena', 'Kwesi', 'Adwoa'], last: ['Mensah', 'Boateng', 'Asante', 'Owusu', 'Agyeman', 'Osei', 'Appiah', 'Darko', 'Acheampong', 'Frimpong'], phone: ['+233', '24 ### ####'] },
  { first: ['Dmitri', 'Anastasia', 'Ivan', 'Ekaterina', 'Alexei', 'Olga', 'Sergei', 'Natalia', 'Mikhail', 'Yelena'], last: ['Ivanov', 'Smirnova', 'Kuznetsov', 'Popova', 'Sokolov', 'Lebedeva', 'Kozlov', 'Novikova', 'Morozov', 'Volkova'], phone: ['+7', '916 ###-##-##'] },
  { first: ['Sara', 'Reza', 'Shirin', 'Dariush', 'Parisa', 'Kian', 'Leila', 'Arash', 'Nasrin', 'Babak'], last: ['Hosseini', 'Karimi', 'Rahimi', 'Moradi', 'Jafari', 'Ahmadi', 'Rostami', 'Tehrani', 'Sadeghi', 'Farahani'], phone: ['+98', '912 ### ####'] },
  { first: ['Putri', 'Budi', 'Sari', 'Agus', 'Dewi', 'Rizky', 'Ayu', 'Bayu', 'Indah', 'Fajar'], last: ['Wijaya', 'Santoso', 'Kusuma', 'Pratama', 'Hidayat', 'Saputra', 'Nugroho', 'Halim', 'Susanto', 'Lestari'], phone: ['+62', '812-####-####'] },
];

/** City and its region dimension. */
export const CITIES: readonly (readonly [string, string])[] = [
  ['Berlin, Germany', 'Europe'], ['London, UK', 'Europe'], ['Paris, France', 'Europe'], ['Amsterdam, Netherlands', 'Europe'],
  ['Barcelona, Spain', 'Europe'], ['Stockholm, Sweden', 'Europe'], ['Dublin, Ireland', 'Europe'], ['Warsaw, Poland', 'Europe'],
  ['Milan, Italy', 'Europe'], ['Lisbon, Portugal', 'Europe'], ['Zurich, Switzerland', 'Europe'], ['Istanbul, Türkiye', 'Europe'],
  ['New York, USA', 'North America'], ['San Francisco, USA', 'North America'], ['Austin, USA', 'North America'], ['Toronto, Canada', 'North America'],
  ['Chicago, USA', 'North America'], ['Seattle, USA', 'North America'], ['Mexico City, Mexico', 'Latin America'], ['São Paulo, Brazil', 'Latin America'],
  ['Buenos Aires, Argentina', 'Latin America'], ['Bogotá, Colombia', 'Latin America'], ['Lagos, Nigeria', 'Africa'], ['Nairobi, Kenya', 'Africa'],
  ['Accra, Ghana', 'Africa'], ['Cape Town, South Africa', 'Africa'], ['Cairo, Egypt', 'Middle East'], ['Dubai, UAE', 'Middle East'],
  ['Tel Aviv, Israel', 'Middle East'], ['Bengaluru, India', 'South Asia'], ['Mumbai, India', 'South Asia'], ['Tokyo, Japan', 'East Asia'],
  ['Seoul, South Korea', 'East Asia'], ['Shanghai, China', 'East Asia'], ['Singapore', 'Southeast Asia'], ['Ho Chi Minh City, Vietnam', 'Southeast Asia'],
  ['Jakarta, Indonesia', 'Southeast Asia'], ['Manila, Philippines', 'Southeast Asia'], ['Sydney, Australia', 'Oceania'], ['Melbourne, Australia', 'Oceania'],
];

/** Invented companies with their industry. */
export const COMPANIES: readonly (readonly [string, string])[] = [
  ['Northwind Analytics', 'Data & AI'], ['Brightline Health', 'Healthcare'], ['Fernhill Capital', 'Venture capital'], ['Kestrel Robotics', 'Hardware'],
  ['Ledgerly', 'Fintech'], ['Tidewater Energy', 'Climate & energy'], ['Paperkite Studio', 'Design'], ['Orbitale', 'Aerospace'],
  ['Quillstone Press', 'Media'], ['Harbourline Logistics', 'Logistics'], ['Verdant Foods', 'Food & agriculture'], ['Sableware', 'Developer tools'],
  ['Cobalt Ridge Bank', 'Banking'], ['Lumen Learning Labs', 'Education'], ['Mosaic Commerce', 'E-commerce'], ['Atlas Civic', 'Government'],
  ['Juniper Biotherapeutics', 'Biotech'], ['Tallpine Games', 'Gaming'], ['Clearwater Legal', 'Legal'], ['Helio Mobility', 'Mobility'],
  ['Openfield Foundation', 'Non-profit'], ['Ironbark Security', 'Cybersecurity'], ['Meridian Consulting', 'Consulting'], ['Saltmarsh Insurance', 'Insurance'],
  ['Pebble & Pine', 'Retail'], ['Granite Cloud', 'Cloud infrastructure'], ['Wavelet Audio', 'Consumer electronics'], ['Foxglove Pharma', 'Pharma'],
  ['Skyhook Ventures', 'Venture capital'], ['Blue Lantern Media', 'Media'], ['Cedar Health Partners', 'Healthcare'], ['Arcadia Payments', 'Fintech'],
  ['Riverstone University', 'Education'], ['Nimbus Labs', 'Data & AI'], ['Copperleaf Architects', 'Architecture'], ['Solstice Solar', 'Climate & energy'],
];

export const FUNCTIONS = ['Engineering', 'Product', 'Design', 'Sales', 'Marketing', 'Finance', 'Operations', 'Research', 'People', 'Legal', 'Data', 'Investing'] as const;

/** Job titles by function and seniority. */
export const TITLES: Record<(typeof FUNCTIONS)[number], readonly (readonly [string, string])[]> = {
  Engineering: [['Software Engineer', 'Mid'], ['Senior Software Engineer', 'Senior'], ['Staff Engineer', 'Lead'], ['Engineering Manager', 'Lead'], ['VP Engineering', 'VP'], ['CTO', 'C-level']],
  Product: [['Product Manager', 'Mid'], ['Senior Product Manager', 'Senior'], ['Group Product Manager', 'Lead'], ['Head of Product', 'Director'], ['Chief Product Officer', 'C-level']],
  Design: [['Product Designer', 'Mid'], ['Senior Designer', 'Senior'], ['Design Lead', 'Lead'], ['Director of Design', 'Director']],
  Sales: [['Account Executive', 'Mid'], ['Enterprise Account Executive', 'Senior'], ['Sales Director', 'Director'], ['Chief Revenue Officer', 'C-level']],
  Marketing: [['Content Marketer', 'Junior'], ['Growth Marketer', 'Mid'], ['Head of Brand', 'Director'], ['CMO', 'C-level']],
  Finance: [['Financial Analyst', 'Junior'], ['Finance Manager', 'Senior'], ['CFO', 'C-level']],
  Operations: [['Operations Associate', 'Junior'], ['Operations Manager', 'Mid'], ['COO', 'C-level']],
  Research: [['Research Scientist', 'Senior'], ['Postdoctoral Researcher', 'Mid'], ['Professor', 'Senior'], ['Research Director', 'Director']],
  People: [['Recruiter', 'Mid'], ['People Partner', 'Senior'], ['Head of People', 'Director']],
  Legal: [['Associate', 'Mid'], ['Senior Counsel', 'Senior'], ['General Counsel', 'C-level']],
  Data: [['Data Analyst', 'Junior'], ['Data Scientist', 'Mid'], ['ML Engineer', 'Senior'], ['Head of Data', 'Director']],
  Investing: [['Analyst', 'Junior'], ['Associate', 'Mid'], ['Principal', 'Senior'], ['Partner', 'VP'], ['Angel investor', 'Founder']],
};

export const COMMUNITIES = [
  'Women in Tech Berlin', 'PyData', 'Climate Founders Circle', 'Toastmasters', 'Product Coffee', 'Open Source Design',
  'Rust Meetup', 'Angel Syndicate', 'Alumni of Riverstone', 'Trail Runners', 'Tech for Good', 'Design Systems Guild',
] as const;

export const TAGS = [
  'mentor', 'investor', 'founder', 'hiring', 'speaker', 'alumni', 'friend', 'climbing', 'book club', 'advisor',
  'recruiter', 'client', 'open source', 'podcast', 'board', 'mentee', 'former colleague', 'conference', 'neighbour', 'writer',
] as const;

export const EVENTS = [
  'Web Summit', 'PyCon', 'a product meetup', 'SaaStock', 'a climate tech dinner', 'JSConf', 'a design sprint workshop',
  'a founders retreat', 'the alumni reunion', 'a hackathon', 'GOTO Amsterdam', 'a women in leadership breakfast',
] as const;

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 30);
}
