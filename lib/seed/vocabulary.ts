// Word lists for realistic demo data about local government. Invented places, real kinds of work.

export const places = [
  "Ashbourne Vale", "Brackenford", "Castlemere", "Dunholme", "Eastwick", "Fernley", "Glenbury",
  "Harrowgate Fields", "Ivybridge Moor", "Kestrel Bay", "Langdon", "Marlow Heath", "Northam",
  "Oakridge", "Penhallow", "Queensmead", "Redcliffe", "Stanwick", "Thornbury Cross", "Upton Hale",
  "Wexcombe", "Yarrowdale", "Ambleford", "Bexhill Downs", "Carrow", "Dalesworth", "Elmstead",
  "Foxhollow", "Greystone", "Hatherleigh", "Kingsmoor", "Lindley", "Millbrook", "Newstead",
  "Oldcastle", "Pendle Rise", "Rushmere", "Saltmarsh", "Tamworth Vale", "Wickham Green",
];

// Names as a British council's staff list reads: many backgrounds, no celebrities.
export const firstNames = [
  "Aisha", "Alan", "Alison", "Amir", "Amy", "Andrew", "Angela", "Anil", "Bethan", "Bilal", "Carol", "Chloe",
  "Chris", "Claire", "Craig", "Daniel", "David", "Deborah", "Emma", "Fatima", "Fiona", "Gareth", "Gemma",
  "Hannah", "Harpreet", "Helen", "Ian", "Imran", "Jack", "James", "Jane", "Jason", "Jennifer", "Joanne",
  "John", "Jo", "Karen", "Kate", "Kwame", "Laura", "Lee", "Lisa", "Louise", "Lucy", "Mark", "Martin",
  "Michelle", "Mohammed", "Nadia", "Natalie", "Neil", "Nicola", "Oliver", "Paul", "Peter", "Priti", "Rachel",
  "Rebecca", "Richard", "Rob", "Ruth", "Sam", "Sandeep", "Sarah", "Shabana", "Simon", "Sophie", "Stephen",
  "Steve", "Susan", "Tariq", "Tom", "Tracey", "Wendy", "Yusuf", "Zainab", "Agnieszka", "Chidi", "Siobhan", "Rhys",
];

export const lastNames = [
  "Ahmed", "Ali", "Allen", "Anderson", "Bailey", "Baker", "Begum", "Bell", "Brown", "Campbell", "Carter",
  "Chen", "Chowdhury", "Clarke", "Cooper", "Davies", "Edwards", "Evans", "Fletcher", "Fraser", "Green",
  "Griffiths", "Hall", "Harris", "Harrison", "Hill", "Hughes", "Hussain", "Jackson", "James", "Jenkins",
  "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Kowalski", "Lee", "Lewis", "Lloyd", "MacDonald",
  "Martin", "Mensah", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Nowak", "O'Brien", "Okafor",
  "Osei", "Owen", "Parker", "Patel", "Phillips", "Price", "Pritchard", "Rahman", "Rees", "Reid", "Roberts",
  "Robinson", "Scott", "Shah", "Sharma", "Singh", "Stewart", "Taylor", "Thomas", "Thompson", "Turner",
  "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wong", "Wood", "Wright", "Young",
];

export const councilKinds = ["District Council", "Borough Council", "City Council", "County Council", "Council"];

export const jobTitles = [
  "Head of Policy and Performance", "Performance Officer", "Senior Performance Analyst",
  "Strategic Lead for Innovation", "Service Manager, Children's Services", "Team Manager, Adult Social Care",
  "Commissioning Manager", "Policy Officer", "Data Analyst", "Improvement Manager", "Programme Manager",
  "Corporate Performance Lead", "Scrutiny Officer", "Democratic Services Officer", "Transformation Lead",
  "Project Officer", "Senior Practitioner", "Director of Place", "Assistant Director, Communities",
  "Head of Housing", "Neighbourhoods Manager", "Digital Services Manager", "Chief Executive",
  "Corporate Director, People", "Partnerships Officer", "Voluntary Sector Liaison Officer",
  "Research and Intelligence Manager", "Business Change Analyst", "Customer Insight Lead",
];

export const councillorRoles = [
  "Councillor", "Councillor, Cabinet Member for Housing", "Councillor, Chair of Scrutiny",
  "Councillor, Cabinet Member for Adult Social Care", "Councillor, Leader of the Council",
];

export const serviceAreas = [
  "Housing options and homelessness", "Waste and recycling", "Planning policy", "Development management",
  "Building control", "Environmental health", "Trading standards", "Licensing", "Revenues and benefits",
  "Council tax recovery", "Procurement", "Contract management", "Adult social care", "Children's safeguarding",
  "Special educational needs", "School admissions", "Public health", "Leisure and culture", "Libraries",
  "Parks and open spaces", "Highways maintenance", "Transport planning", "Parking services",
  "Climate and net zero", "Emergency planning", "Community safety", "Economic development", "Regeneration",
  "Digital and ICT", "Cyber security", "Information governance", "Workforce development", "Internal audit",
  "Risk management", "Democratic services", "Elections", "Customer services", "Communications",
  "Equality and inclusion", "Asset management", "Legal services", "Treasury management",
  "Medium-term financial planning", "Youth services", "Early help", "Domestic abuse", "Tourism",
  "Flood risk", "Air quality", "Heritage and conservation", "Housing repairs", "Tenant engagement",
  "Social prescribing", "Digital inclusion", "Anti-poverty", "Armed forces covenant",
];

export const regions = [
  "North East", "North West", "Yorkshire and Humber", "East Midlands", "West Midlands",
  "East of England", "London", "South East", "South West", "Wales",
];

export const communityForms = [
  (area: string) => `${area} network`,
  (area: string) => `${area} practitioners`,
  (area: string, region: string) => `${region} ${lowerFirst(area)} group`,
  (area: string) => `${area} officers' forum`,
  (area: string) => `${area} leads`,
];

export const purposeForms = [
  (area: string) =>
    `A place for people working in ${lowerFirst(area)} to share practice, compare approaches and ask colleagues for help.`,
  (area: string) =>
    `Officers and managers in ${lowerFirst(area)} swap what has worked, what has not, and the documents behind both.`,
  (area: string) =>
    `Keeps momentum between our twice-yearly meetings on ${lowerFirst(area)}: papers, questions and follow-ups.`,
  (area: string) =>
    `Practical help on ${lowerFirst(area)}: new guidance, service redesign, performance measures and peer review.`,
  (area: string) =>
    `For councillors and officers with an interest in ${lowerFirst(area)}, to set out opinions and develop shared positions.`,
];

export function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
